/**
 * Page sizes the server prefetch and the client queries share (a value imported into a server
 * component from a "use client" module is only a reference, so they live here).
 */
export const COMMENTS_PAGE_SIZE = 50;
export const HISTORY_PAGE_SIZE = 20;
