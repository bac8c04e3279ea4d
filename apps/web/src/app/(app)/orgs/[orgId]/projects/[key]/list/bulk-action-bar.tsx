"use client";

import { BULK_TASK_LIMIT } from "@tesseract/validators/constants";
import { useState } from "react";
import { controlClasses } from "~/components/forms/field.tsx";
import { useMemberOptions } from "~/components/tasks/use-member-options.ts";
import { useUndoDelete } from "~/components/tasks/use-undo-delete.ts";
import { Button } from "~/components/ui/button.tsx";
import { ConfirmDialog } from "~/components/ui/confirm-dialog.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { boardStatusesQuery } from "~/lib/board-query.ts";
import { trpc } from "~/trpc/react.tsx";

type Change =
  | { statusId: string }
  | { assigneeId: string | null }
  | { addLabelId: string }
  | { removeLabelId: string }
  | { projectId: string };

/**
 * Acts on the selected tasks at once: one request per action, applied to all of them or (when
 * one cannot take it) to none. Each control applies as soon as it is chosen.
 */
export function BulkActionBar({
  orgId,
  projectId,
  taskIds,
  onDone,
}: {
  orgId: string;
  projectId: string;
  taskIds: string[];
  onDone: () => void;
}) {
  const utils = trpc.useUtils();
  const members = useMemberOptions(orgId);
  const projects = trpc.project.list.useQuery({ orgId });
  // The project's own statuses (the list page prefetched them for its filters).
  const statuses = trpc.status.list.useQuery(boardStatusesQuery(orgId, projectId));
  const labels = trpc.label.list.useQuery({ orgId });
  const [label, setLabel] = useState("");
  const [confirming, setConfirming] = useState(false);
  const settled = async () => {
    await Promise.all([utils.task.list.invalidate({ orgId }), utils.project.list.invalidate()]);
  };
  const update = trpc.task.bulkUpdate.useMutation({ onSuccess: onDone, onSettled: settled });
  const offerUndo = useUndoDelete(orgId);
  const remove = trpc.task.bulkDelete.useMutation({
    onSuccess: (_, { taskIds: deleted }) => {
      setConfirming(false);
      onDone();
      offerUndo(deleted, deleted.length === 1 ? "1 task" : `${deleted.length} tasks`);
    },
    onSettled: settled,
  });
  const tooMany = taskIds.length > BULK_TASK_LIMIT;
  const busy = update.isPending || remove.isPending || tooMany;
  const apply = (change: Change) => {
    update.mutate({ orgId, taskIds, ...change });
  };
  const failed = update.error ?? remove.error;
  const count = `${taskIds.length} ${taskIds.length === 1 ? "task" : "tasks"}`;

  return (
    <section
      aria-label="Selected tasks"
      data-testid="bulk-bar"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950/40"
    >
      <p role="status" className="self-center font-medium">
        {count} selected
      </p>
      <BulkSelect
        id="bulk-status"
        label="Set status"
        disabled={busy}
        options={(statuses.data ?? []).map((status) => ({ value: status.id, label: status.name }))}
        hint={statuses.isError ? "Statuses could not be loaded." : undefined}
        onPick={(value) => {
          apply({ statusId: value });
        }}
      />
      <BulkSelect
        id="bulk-assignee"
        label="Assign to"
        disabled={busy}
        options={members.options.map((o) => ({ value: o.value || "none", label: o.label }))}
        onPick={(value) => {
          apply({ assigneeId: value === "none" ? null : value });
        }}
      />
      <BulkSelect
        id="bulk-project"
        label="Move to project"
        disabled={busy}
        options={(projects.data ?? [])
          .filter((p) => p.id !== projectId)
          .map((p) => ({ value: p.id, label: `${p.name} (${p.key})` }))}
        onPick={(value) => {
          apply({ projectId: value });
        }}
      />
      <form
        className="flex items-end gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          if (label) apply({ addLabelId: label });
        }}
      >
        <div className="space-y-1">
          <label htmlFor="bulk-label" className="block text-xs font-medium">
            Label
          </label>
          <select
            id="bulk-label"
            value={label}
            onChange={(event) => {
              setLabel(event.target.value);
            }}
            className={`block w-36 ${controlClasses}`}
          >
            <option value="">Choose…</option>
            {labels.data?.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <Button size="sm" variant="secondary" type="submit" disabled={busy || !label}>
          Add
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={busy || !label}
          onClick={() => {
            apply({ removeLabelId: label });
          }}
        >
          Remove
        </Button>
      </form>
      <Button
        size="sm"
        variant="danger"
        disabled={busy}
        onClick={() => {
          remove.reset();
          setConfirming(true);
        }}
      >
        Delete…
      </Button>
      <Button size="sm" variant="secondary" onClick={onDone}>
        Clear selection
      </Button>
      {tooMany ? (
        <p role="alert" className="w-full text-rose-700 dark:text-rose-300">
          Select at most {BULK_TASK_LIMIT} tasks for one action.
        </p>
      ) : failed ? (
        <p role="alert" className="w-full text-rose-700 dark:text-rose-300">
          {describeApiError(failed).message}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${count}?`}
        confirmLabel={`Delete ${count}`}
        pending={remove.isPending}
        onConfirm={() => {
          remove.mutate({ orgId, taskIds });
        }}
        onCancel={() => {
          setConfirming(false);
        }}
      >
        <p>They are deleted with their comments and files. You can undo it right after.</p>
      </ConfirmDialog>
    </section>
  );
}

/** A select that acts when a value is picked, then shows its prompt again. */
function BulkSelect({
  id,
  label,
  options,
  hint,
  disabled,
  onPick,
}: {
  id: string;
  label: string;
  options: { value: string; label: string }[];
  /** Shown under the select (and read with it) when its options are missing. */
  hint?: string | undefined;
  disabled: boolean;
  onPick: (value: string) => void;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <select
        id={id}
        value=""
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          if (event.target.value) onPick(event.target.value);
        }}
        className={`block ${controlClasses}`}
      >
        <option value="">Choose…</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-rose-700 dark:text-rose-300">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
