"use client";

import type { TaskStatus } from "@tesseract/validators";
import { boardColumnQuery } from "~/lib/board-query.ts";
import { useSuspenseTaskPages } from "~/trpc/use-task-pages.ts";

function useColumn(orgId: string, projectId: string, status: TaskStatus) {
  return useSuspenseTaskPages(boardColumnQuery(orgId, projectId, status));
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
