import type { TaskStatus } from "@tesseract/validators";

/** Tasks per board column page; "Load more" fetches the next. */
export const COLUMN_PAGE_SIZE = 100;

/**
 * One board column's `task.list` input: a status, in position order. The server's prefetch and
 * the browser's query (and its optimistic updates) must build exactly this to share a cache key.
 */
export function boardColumnQuery(orgId: string, projectId: string, status: TaskStatus) {
  return {
    orgId,
    projectId,
    status: [status],
    sort: "position" as const,
    order: "asc" as const,
    limit: COLUMN_PAGE_SIZE,
  };
}
