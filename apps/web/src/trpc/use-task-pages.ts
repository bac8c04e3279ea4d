"use client";

import {
  keepPreviousData,
  useInfiniteQuery,
  useSuspenseInfiniteQuery,
} from "@tanstack/react-query";
import { trpc } from "./react.tsx";
import type { TaskPage, TaskPagesInput } from "./task-pages.ts";
import { taskPagesKey } from "./task-pages.ts";

function useOptions(input: TaskPagesInput) {
  const { client } = trpc.useUtils();
  return {
    queryKey: taskPagesKey(input),
    queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) =>
      client.task.list.query({ ...input, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page: TaskPage) => page.nextCursor,
  };
}

/** Pages of tasks that the server prefetched (see prefetchTaskPages): a board column. */
export function useSuspenseTaskPages(input: TaskPagesInput) {
  return useSuspenseInfiniteQuery(useOptions(input));
}

/** Pages of tasks whose filters change: the last rows stay while the new ones load. */
export function useTaskPages(input: TaskPagesInput) {
  return useInfiniteQuery({ ...useOptions(input), placeholderData: keepPreviousData });
}
