"use client";

import { boardColumnQuery, boardCountsQuery, boardStatusesQuery } from "~/lib/board-query.ts";
import { trpc } from "~/trpc/react.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";

/** One of the project's statuses: a board column. */
export type BoardStatus = RouterOutputs["status"]["list"][number];

/** One column's pages of tasks, which the board page fetched on the server (no request here). */
function useColumn(orgId: string, projectId: string, statusId: string) {
  const [, query] = trpc.task.list.useSuspenseInfiniteQuery(
    boardColumnQuery(orgId, projectId, statusId),
    { getNextPageParam: (page) => page.nextCursor },
  );
  return query;
}

export type ColumnQuery = ReturnType<typeof useColumn>;

/** The project's statuses in board order (also fetched by the board page). */
export function useBoardStatuses(orgId: string, projectId: string): BoardStatus[] {
  const [statuses] = trpc.status.list.useSuspenseQuery(boardStatusesQuery(orgId, projectId));
  return statuses;
}

/**
 * The columns' paged queries, one per status. The board is keyed by its status ids, so it
 * remounts when the workflow changes: for one mounted board the hooks below are always called
 * in the same number and order.
 */
export function useBoardColumns(
  orgId: string,
  projectId: string,
  statusIds: readonly string[],
): Record<string, ColumnQuery> {
  const queries: Record<string, ColumnQuery> = {};
  for (const statusId of statusIds) {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- a fixed list per mount (see above)
    queries[statusId] = useColumn(orgId, projectId, statusId);
  }
  return queries;
}

/** How many tasks each column holds in all, loaded or not (also fetched by the board page). */
export function useBoardCounts(orgId: string, projectId: string) {
  const [counts] = trpc.task.counts.useSuspenseQuery(boardCountsQuery(orgId, projectId));
  return counts;
}
