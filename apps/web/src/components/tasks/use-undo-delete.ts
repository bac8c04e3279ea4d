"use client";

import { notify } from "~/components/ui/toast.ts";
import { describeApiError } from "~/lib/api-error.ts";
import { invalidateProjectTasks } from "~/lib/task-cache.ts";
import { trpc } from "~/trpc/react.tsx";

/**
 * After tasks were deleted: a toast "Deleted ENG-42 · Undo" whose Undo restores them (the API
 * keeps deleted tasks for a while). It calls the client directly, not a mutation hook, so the
 * Undo still works after the component that deleted has gone (a task page left for its list).
 */
export function useUndoDelete(orgId: string) {
  const utils = trpc.useUtils();
  /** `what` names the deleted tasks in the toast: "ENG-42", "3 tasks". */
  return (taskIds: readonly string[], what: string, onRestored?: () => void) => {
    const [first] = taskIds;
    if (!first) return;
    const undo = async () => {
      try {
        if (taskIds.length === 1) await utils.client.task.restore.mutate({ orgId, taskId: first });
        else await utils.client.task.bulkRestore.mutate({ orgId, taskIds: [...taskIds] });
        await Promise.all([utils.task.invalidate(), utils.project.list.invalidate()]);
        notify(`Restored ${what}`);
        onRestored?.();
      } catch (error) {
        notify(`${what} was not restored`, {
          tone: "error",
          description: describeApiError(error).message,
        });
      }
    };
    notify(`Deleted ${what}`, {
      duration: 10_000,
      action: {
        label: "Undo",
        onClick: () => {
          void undo();
        },
      },
    });
  };
}

/** Deletes one task of a project's board or list at once, then offers to undo it. */
export function useDeleteTask(orgId: string, projectId: string, onDeleted?: (key: string) => void) {
  const utils = trpc.useUtils();
  const offerUndo = useUndoDelete(orgId);
  const remove = trpc.task.delete.useMutation();
  return (task: { id: string; key: string }) => {
    remove.mutate(
      { orgId, taskId: task.id },
      {
        onSuccess: () => {
          onDeleted?.(task.key);
          offerUndo([task.id], task.key);
        },
        onError: (error) => {
          notify(`${task.key} was not deleted`, {
            tone: "error",
            description: describeApiError(error).message,
          });
        },
        onSettled: () => {
          void invalidateProjectTasks(utils, orgId, projectId);
        },
      },
    );
  };
}
