"use client";

import { useRef } from "react";
import { loadedSchema, usePreloadSchemas } from "~/components/forms/schemas.ts";
import type { TaskDetail } from "~/components/tasks/types.ts";
import { describeApiError } from "~/lib/api-error.ts";
import { invalidateProjectTasks } from "~/lib/task-cache.ts";
import { trpc } from "~/trpc/react.tsx";

type Changes = Partial<
  Pick<
    TaskDetail,
    | "title"
    | "description"
    | "status"
    | "statusId"
    | "statusName"
    | "priority"
    | "assigneeId"
    | "dueDate"
  >
> & { labelIds?: string[]; descriptionBefore?: string };

/**
 * Saves one field of a task in place. The page shows the new value at once and goes back (with
 * the API's reason in `error`) if it is refused. Input is checked with the API's own schema
 * first: `save` returns that problem instead of sending.
 */
export function useUpdateTask(orgId: string, taskRef: string, task: TaskDetail) {
  usePreloadSchemas();
  const utils = trpc.useUtils();
  const key = { orgId, ref: taskRef };
  const shown = useRef<Partial<TaskDetail>>({});
  const update = trpc.task.update.useMutation({
    // One change to a task at a time, in the order made: a change sent with the text it
    // replaces (a second task-list tick) must not overtake the change that made that text.
    scope: { id: `task.update:${task.id}` },
    onMutate: async ({
      orgId: _,
      taskId: __,
      labelIds: ___,
      descriptionBefore: ____,
      ...changes
    }) => {
      await utils.task.get.cancel(key);
      const previous = utils.task.get.getData(key);
      if (previous) utils.task.get.setData(key, { ...previous, ...changes, ...shown.current });
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) utils.task.get.setData(key, context.previous);
    },
    onSuccess: (saved) => {
      utils.task.get.setData(key, saved);
    },
    onSettled: () =>
      Promise.all([
        utils.task.get.invalidate(key),
        invalidateProjectTasks(utils, orgId, task.projectId),
        utils.task.activity.invalidate({ orgId, taskId: task.id }),
        utils.project.list.invalidate({ orgId }),
      ]),
  });

  return {
    /**
     * `optimistic`: how the task looks meanwhile, where `changes` cannot say (labels by id).
     * `onRefused` runs if the API refuses the change (the page then shows the task as it is).
     */
    save: (
      changes: Changes,
      optimistic: Partial<TaskDetail> = {},
      onRefused?: () => void,
    ): string | null => {
      shown.current = optimistic;
      const input = { orgId, taskId: task.id, ...changes };
      // Before the schemas arrive (the first seconds of the page) the API's answer says it.
      const parsed = loadedSchema("updateTaskInput")?.safeParse(input);
      if (parsed?.success === false) return parsed.error.issues[0]?.message ?? "Check this value";
      update.mutate(input, { onError: onRefused });
      return null;
    },
    isSaving: update.isPending,
    error: update.isError ? describeApiError(update.error).message : null,
    dismissError: () => {
      update.reset();
    },
  };
}

export type TaskSaver = ReturnType<typeof useUpdateTask>;
