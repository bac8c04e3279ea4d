/**
 * Tasks per board column page: the first page comes with the HTML, and scrolling a column
 * fetches the next. About two screens of cards, so the document stays small (the demo board,
 * with labels on its cards, is 301 kB at 20 a column).
 */
export const COLUMN_PAGE_SIZE = 16;

/**
 * One board column's `task.list` input: a project status, in position order. The server's
 * prefetch and the browser's query (and its optimistic updates) must build exactly this to share
 * a cache key.
 */
export function boardColumnQuery(orgId: string, projectId: string, statusId: string) {
  return {
    orgId,
    projectId,
    statusIds: [statusId],
    sort: "position" as const,
    order: "asc" as const,
    limit: COLUMN_PAGE_SIZE,
  };
}

/** The board's `task.counts` input (no filters: every task of the project, per column). */
export function boardCountsQuery(orgId: string, projectId: string) {
  return { orgId, projectId };
}

/** The project's statuses (`status.list`): the board's columns, in order. */
export function boardStatusesQuery(orgId: string, projectId: string) {
  return { orgId, projectId };
}
