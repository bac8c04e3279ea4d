/**
 * A project's views, /orgs/<org>/projects/<key> (the board), /list and /workflow: the board takes
 * the room, and the project's layout (which marks itself data-wide) keeps the three at one width.
 */
const WIDE_PAGE = /^\/orgs\/[^/]+\/projects\/[^/]+(?:\/(?:list|workflow))?\/?$/;

/** Whether the page at this path gets the wide main column (and header). */
export function isWidePage(pathname: string): boolean {
  return WIDE_PAGE.test(pathname);
}
