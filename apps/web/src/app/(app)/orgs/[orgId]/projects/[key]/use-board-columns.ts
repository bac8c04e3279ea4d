"use client";

import { notifyManager, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useSyncExternalStore } from "react";
import type { TaskItem } from "~/components/tasks/types.ts";
import { flattenPages } from "~/lib/board-order.ts";
import { boardColumnQuery, boardCountsQuery, boardStatusesQuery } from "~/lib/board-query.ts";
import { trpc } from "~/trpc/react.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";

/** One of the project's statuses: a board column. */
export type BoardStatus = RouterOutputs["status"]["list"][number];

/**
 * One column's pages of tasks, run by the column itself (BoardColumn). Not a suspense query: a
 * suspended component's boundary hides what it already shows with display: none, which drops
 * the columns' scroll positions. The board page fetched every column's first page on the server
 * under this same key, so a column there from the start has its cards at once (in the server's
 * HTML too); a column added while the board is open (a new status, arriving live) has no data
 * until its first page comes, and shows a placeholder of its own meanwhile.
 */
export function useColumn(orgId: string, projectId: string, statusId: string) {
  return trpc.task.list.useInfiniteQuery(boardColumnQuery(orgId, projectId, statusId), {
    getNextPageParam: (page) => page.nextCursor,
  });
}

export type ColumnQuery = ReturnType<typeof useColumn>;

/** The project's statuses in board order (also fetched by the board page). */
export function useBoardStatuses(orgId: string, projectId: string): BoardStatus[] {
  const [statuses] = trpc.status.list.useSuspenseQuery(boardStatusesQuery(orgId, projectId));
  return statuses;
}

interface ColumnItems {
  key: string;
  pages: unknown[];
  items: Record<string, TaskItem[]>;
}

/**
 * Every column's loaded cards, by status id, for what spans columns (keyboard moves, drops, the
 * Move dialog): read from the cache that each column's own query (useColumn) fills, with one
 * hook however many statuses there are. So a status added, removed or moved while the board is
 * open mounts, unmounts or moves that one column, and the others keep their DOM: their scroll
 * positions, their focused card and their loaded pages (KeepColumnPlaces puts back what a move
 * takes). One query hook per status, called here in a loop, made the board remount whenever
 * the list of statuses changed. A column whose first page has not arrived has no cards yet.
 */
export function useColumnItems(
  orgId: string,
  projectId: string,
  statusIds: readonly string[],
): Record<string, TaskItem[]> {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const last = useRef<ColumnItems | null>(null);
  const key = statusIds.join();
  // The same object while no column's pages changed, as useSyncExternalStore requires.
  const read = () => {
    const pages = statusIds.map((id) =>
      utils.task.list.getInfiniteData(boardColumnQuery(orgId, projectId, id)),
    );
    const previous = last.current;
    if (previous?.key === key && previous.pages.every((page, index) => page === pages[index])) {
      return previous.items;
    }
    const items = Object.fromEntries(
      statusIds.map((id, index) => [id, flattenPages(pages[index])]),
    );
    last.current = { key, pages, items };
    return items;
  };
  // Told after the cache's batch, as React Query's own hooks are: a column's query created while
  // that column renders must not update the board in the middle of the render.
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
