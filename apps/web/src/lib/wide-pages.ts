/** A project's board or list, /orgs/<org>/projects/<key> (optionally /list): they take the room. */
const WIDE_PAGE = /^\/orgs\/[^/]+\/projects\/[^/]+(?:\/list)?\/?$/;

/** Whether the page at this path gets the wide main column (and header). */
export function isWidePage(pathname: string): boolean {
  return WIDE_PAGE.test(pathname);
}
