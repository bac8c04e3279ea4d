"use client";

import { useQueryClient } from "@tanstack/react-query";
import { getMutationKey } from "@trpc/react-query";
import { useState } from "react";
import { describeApiError } from "~/lib/api-error.ts";
import { boardColumnQuery, boardCountsQuery } from "~/lib/board-query.ts";
import type { Target } from "~/lib/board-order.ts";
import { flattenPages, withItemPlaced, withoutItem } from "~/lib/board-order.ts";
import { invalidateProjectTasks } from "~/lib/task-cache.ts";
import { CATEGORY_STATUS } from "~/lib/workflow.ts";
import { trpc } from "~/trpc/react.tsx";
import type { BoardStatus } from "./use-board-columns.ts";

export interface MoveFailure {
  taskKey: string;
  message: string;
}

/**
 * `task.move` with the board updated at once: the card jumps to its new place before the API
 * answers, and goes back (with `failure` saying why) if the API refuses.
 */
export function useMoveTask(orgId: string, projectId: string, statuses: BoardStatus[]) {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<MoveFailure | null>(null);

  const move = trpc.task.move.useMutation({
    onMutate: async (input) => {
      setFailure(null);
      // A refetch landing now would overwrite the optimistic board with the old order.
      await Promise.all([
        utils.task.list.cancel({ orgId, projectId }),
        utils.task.counts.cancel({ orgId, projectId }),
      ]);
      const countsQuery = boardCountsQuery(orgId, projectId);
      const counts = utils.task.counts.getData(countsQuery);
      const snapshots = statuses.map(({ id }) => {
        const query = boardColumnQuery(orgId, projectId, id);
        return { statusId: id, query, data: utils.task.list.getInfiniteData(query) };
      });
      const target = statuses.find((status) => status.id === input.statusId);
      const task = snapshots
        .flatMap(({ data }) => flattenPages(data))
        .find((item) => item.id === input.taskId);
      if (task && target) {
        const placement = {
          ...(input.afterId ? { afterId: input.afterId } : {}),
          ...(input.beforeId ? { beforeId: input.beforeId } : {}),
        };
        const moved = {
          ...task,
          statusId: target.id,
          statusName: target.name,
          statusCategory: target.category,
          status: CATEGORY_STATUS[target.category],
        };
        for (const { statusId, query, data } of snapshots) {
          if (!data) continue;
          let next = withoutItem(data, task.id);
          if (statusId === target.id) next = withItemPlaced(next, moved, placement);
          utils.task.list.setInfiniteData(query, next);
        }
        if (counts && task.statusId !== target.id) {
          const byStatus = { ...counts.byStatus };
          byStatus[task.status] -= 1;
          byStatus[moved.status] += 1;
          const byStatusId = { ...counts.byStatusId };
          byStatusId[task.statusId] = (byStatusId[task.statusId] ?? 1) - 1;
          byStatusId[target.id] = (byStatusId[target.id] ?? 0) + 1;
          utils.task.counts.setData(countsQuery, { ...counts, byStatus, byStatusId });
        }
      }
      return { snapshots, counts, countsQuery, taskKey: task?.key ?? "The task" };
    },
    onError: (error, _input, context) => {
      for (const { query, data } of context?.snapshots ?? []) {
        if (data) utils.task.list.setInfiniteData(query, data);
      }
      if (context?.counts) utils.task.counts.setData(context.countsQuery, context.counts);
      setFailure({
        taskKey: context?.taskKey ?? "The task",
        message: describeApiError(error).message,
      });
    },
    onSettled: async () => {
      // Only the last of several quick moves refetches, so no stale answer undoes a later one.
      if (queryClient.isMutating({ mutationKey: getMutationKey(trpc.task.move) }) > 1) return;
      await Promise.all([
        invalidateProjectTasks(utils, orgId, projectId),
        utils.task.get.invalidate({ orgId }),
        utils.project.list.invalidate({ orgId }),
      ]);
    },
  });

  return {
    moveTask: (taskId: string, target: Target) => {
      const { status: statusId, ...placement } = target;
      move.mutate({ orgId, taskId, statusId, ...placement });
    },
    failure,
    dismissFailure: () => {
      setFailure(null);
    },
  };
}
