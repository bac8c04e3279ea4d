"use client";

import type { TaskStatus } from "@tesseract/validators";
import { boardColumnQuery, boardCountsQuery } from "~/lib/board-query.ts";
import { trpc } from "~/trpc/react.tsx";

/** One column's pages of tasks, which the board page fetched on the server (no request here). */
function useColumn(orgId: string, projectId: string, status: TaskStatus) {
  const [, query] = trpc.task.list.useSuspenseInfiniteQuery(
    boardColumnQuery(orgId, projectId, status),
    { getNextPageParam: (page) => page.nextCursor },
  );
  return query;
}

export type ColumnQuery = ReturnType<typeof useColumn>;

/** The five columns' paged queries, one per status (called in a fixed order, as hooks must be). */
export function useBoardColumns(orgId: string, projectId: string): Record<TaskStatus, ColumnQuery> {
  return {
    backlog: useColumn(orgId, projectId, "backlog"),
    todo: useColumn(orgId, projectId, "todo"),
    in_progress: useColumn(orgId, projectId, "in_progress"),
    done: useColumn(orgId, projectId, "done"),
    canceled: useColumn(orgId, projectId, "canceled"),
  };
}

/** How many tasks each column holds in all, loaded or not (also fetched by the board page). */
export function useBoardCounts(orgId: string, projectId: string) {
  const [counts] = trpc.task.counts.useSuspenseQuery(boardCountsQuery(orgId, projectId));
  return counts;
}
