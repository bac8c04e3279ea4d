"use client";

import { notifyManager, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useSyncExternalStore } from "react";
import type { TaskItem } from "~/components/tasks/types.ts";
import { boardColumnQuery, boardCountsQuery, boardStatusesQuery } from "~/lib/board-query.ts";
import { flattenPages } from "~/lib/board-order.ts";
import { trpc } from "~/trpc/react.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";

/** One of the project's statuses: a board column. */
export type BoardStatus = RouterOutputs["status"]["list"][number];

/**
 * One column's pages of tasks, which the board page fetched on the server (no request here);
 * a column added later (a new status) suspends in its own boundary until its first page comes.
 */
export function useColumn(orgId: string, projectId: string, statusId: string) {
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
 * Every column's loaded cards, by status id, for what spans columns (keyboard moves, drops, the
 * Move dialog): read from the cache that each column's own query (useColumn) fills, with one hook
 * however many statuses there are. So a status added or removed live mounts or unmounts one
 * column, and the others keep their DOM: their scroll positions and the focused card. (One
 * query hook per status here, called in a loop, had to remount the whole board whenever the
 * list of statuses changed.) A column whose first page has not arrived has no cards yet.
 */
export function useColumnItems(
  orgId: string,
  projectId: string,
  statusIds: readonly string[],
): Record<string, TaskItem[]> {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const last = useRef<{ pages: unknown[]; ids: string; items: Record<string, TaskItem[]> }>(null);
  const ids = statusIds.join();
  // The same object while no column's pages changed, as useSyncExternalStore requires.
  const read = () => {
    const pages = statusIds.map((id) =>
      utils.task.list.getInfiniteData(boardColumnQuery(orgId, projectId, id)),
    );
    const previous = last.current;
    if (previous?.ids === ids && previous.pages.every((page, i) => page === pages[i]))
      return previous.items;
    const items = Object.fromEntries(statusIds.map((id, i) => [id, flattenPages(pages[i])]));
    last.current = { pages, ids, items };
    return items;
  };
  // Told after the cache's batch, as TanStack's own hooks are: a query created while a column
  // renders must not update the board in the middle of that render.
  const subscribe = useCallback(
    (onChange: () => void) =>
      queryClient.getQueryCache().subscribe(notifyManager.batchCalls(onChange)),
    [queryClient],
  );
  return useSyncExternalStore(subscribe, read, read);
}

/** How many tasks each column holds in all, loaded or not (also fetched by the board page). */
export function useBoardCounts(orgId: string, projectId: string) {
  const [counts] = trpc.task.counts.useSuspenseQuery(boardCountsQuery(orgId, projectId));
  return counts;
}
