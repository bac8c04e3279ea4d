"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SelectField } from "~/components/forms/select-field.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Dialog } from "~/components/ui/dialog.tsx";
import { Spinner } from "~/components/ui/spinner.tsx";
import { notify } from "~/components/ui/toast.ts";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";

/**
 * Chooses another project (archived ones are not offered) and moves the task there through the
 * bulk move, then opens the task under its new key.
 */
export function MoveToProjectDialog({
  orgId,
  task,
  onClose,
}: {
  orgId: string;
  task: { id: string; key: string; title: string; projectId: string };
  onClose: () => void;
}) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const projects = trpc.project.list.useQuery({ orgId });
  const choices = (projects.data ?? []).filter(
    (project) => project.id !== task.projectId && !project.archivedAt,
  );
  const [chosen, setChosen] = useState("");
  const projectId = chosen || choices[0]?.id || "";
  const move = trpc.task.bulkUpdate.useMutation({
    onSuccess: async ({ items }) => {
      const moved = items[0];
      if (!moved) return;
      await Promise.all([
        utils.task.list.invalidate({ orgId }),
        utils.project.list.invalidate(),
        utils.task.get.invalidate({ orgId, ref: task.key }),
      ]);
      notify(`${task.key} is now ${moved.key}`, {
        description: `Links to ${task.key} still open it.`,
      });
      router.replace(`/orgs/${orgId}/tasks/${moved.key}` as Route);
    },
  });
  // Navigating away unmounts the dialog; until then it stays busy.
  const busy = move.isPending || move.isSuccess;

  return (
    <Dialog
      open
      onClose={onClose}
      busy={busy}
      title={`Move ${task.key} to another project`}
      description={`“${task.title}” takes the next key of the project you choose; its old key ${task.key} keeps leading to it.`}
      testId="move-to-project-dialog"
    >
      {projects.isPending ? (
        <p
          role="status"
          className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400"
        >
          <Spinner /> Loading projects…
        </p>
      ) : projects.error ? (
        <Alert tone="error" title="Could not load the projects">
          <p>{describeApiError(projects.error).message}</p>
        </Alert>
      ) : null}
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!projectId || busy) return;
          move.mutate({ orgId, taskIds: [task.id], projectId });
        }}
      >
        {projects.data && choices.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            There is no other active project to move it to. Create one first.
          </p>
        ) : null}
        {choices.length > 0 ? (
          <SelectField
            name="projectId"
            label="Project"
            value={projectId}
            disabled={busy}
            // The list may arrive after the dialog opened: the choice is what a keyboard wants first.
            autoFocus
            onChange={(event) => {
              setChosen(event.target.value);
            }}
            options={choices.map((project) => ({
              value: project.id,
              label: `${project.name} (${project.key})`,
            }))}
          />
        ) : null}
        {move.error ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {describeApiError(move.error).message}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" pending={busy} disabled={!projectId}>
            Move
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
