"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { usePageCommand } from "~/components/commands/page-commands.ts";
import { useUndoDelete } from "~/components/tasks/use-undo-delete.ts";
import { Button } from "~/components/ui/button.tsx";
import { ConfirmDialog } from "~/components/ui/confirm-dialog.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";

/** Deletes the task after a confirmation, then returns to its project's list. */
export function DeleteTaskButton({
  orgId,
  task,
}: {
  orgId: string;
  task: { id: string; key: string; title: string };
}) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const offerUndo = useUndoDelete(orgId);
  const remove = trpc.task.delete.useMutation({
    onSuccess: async () => {
      setOpen(false);
      const projectKey = task.key.slice(0, task.key.lastIndexOf("-"));
      router.push(`/orgs/${orgId}/projects/${projectKey}/list` as Route);
      offerUndo([task.id], task.key, () => {
        router.push(`/orgs/${orgId}/tasks/${task.key}` as Route);
      });
      await Promise.all([utils.task.list.invalidate({ orgId }), utils.project.list.invalidate()]);
    },
  });
  const ask = () => {
    remove.reset();
    setOpen(true);
  };
  usePageCommand({ id: "delete-task", label: "Delete task", run: ask });
  return (
    <div className="space-y-1">
      <Button size="sm" variant="secondary" onClick={ask} data-testid="delete-task">
        Delete task
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${task.key}?`}
        confirmLabel="Delete task"
        pending={remove.isPending}
        onConfirm={() => {
          remove.mutate({ orgId, taskId: task.id });
        }}
        onCancel={() => {
          setOpen(false);
        }}
      >
        <p>“{task.title}” is deleted with its comments and files. You can undo it right after.</p>
        {remove.error ? (
          <p role="alert" className="text-rose-700 dark:text-rose-300">
            {describeApiError(remove.error).message}
          </p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
