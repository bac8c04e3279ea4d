/**
 * Entries per "Load more". A module of its own: the server page and the client log both need it,
 * and a value imported into a server component from a "use client" module is only a reference.
 */
export const ACTIVITY_PAGE_SIZE = 25;
