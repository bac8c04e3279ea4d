"use client";

import type { LabelColour, LabelOutput } from "@tesseract/validators";
import { useState } from "react";
import { controlClasses, FieldError } from "~/components/forms/field.tsx";
import { LabelChip } from "~/components/tasks/task-badges.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { ConfirmDialog } from "~/components/ui/confirm-dialog.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Skeleton } from "~/components/ui/skeleton.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { LABEL_COLOURS, labelColourNames } from "~/lib/label-colours.ts";
import { trpc } from "~/trpc/react.tsx";

const selectClasses = `block ${controlClasses} py-1.5`;

function isColour(value: string): value is LabelColour {
  return (LABEL_COLOURS as readonly string[]).includes(value);
}

function ColourSelect({
  id,
  value,
  onChange,
  ariaLabel,
  disabled,
}: {
  id: string;
  value: LabelColour;
  onChange: (colour: LabelColour) => void;
  ariaLabel?: string;
  disabled?: boolean;
}) {
  return (
    <select
      id={id}
      aria-label={ariaLabel}
      value={value}
      disabled={disabled}
      onChange={(event) => {
        if (isColour(event.target.value)) onChange(event.target.value);
      }}
      className={selectClasses}
    >
      {LABEL_COLOURS.map((colour) => (
        <option key={colour} value={colour}>
          {labelColourNames[colour]}
        </option>
      ))}
    </select>
  );
}

function errorOf(error: unknown): string {
  const info = describeApiError(error);
  return info.fieldErrors.name ?? info.message;
}

/** One label: rename (Enter or Save), recolour (saved when chosen), delete after a confirmation. */
function LabelRow({
  orgId,
  label,
  canWrite,
  canDelete,
  onChanged,
}: {
  orgId: string;
  label: LabelOutput;
  canWrite: boolean;
  canDelete: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const [name, setName] = useState(label.name);
  const [confirming, setConfirming] = useState(false);
  const update = trpc.label.update.useMutation({ onSettled: onChanged });
  const remove = trpc.label.delete.useMutation({
    onSuccess: () => {
      setConfirming(false);
    },
    onSettled: onChanged,
  });
  const errorId = `label-${label.id}-error`;
  const dirty = name.trim() !== label.name;
  const problem = update.error
    ? errorOf(update.error)
    : remove.error
      ? errorOf(remove.error)
      : null;

  return (
    <li data-testid="label-row" className="space-y-1 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="w-40 min-w-0">
          <LabelChip label={label} />
        </div>
        {canWrite ? (
          <form
            className="flex flex-wrap items-center gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (dirty) update.mutate({ orgId, labelId: label.id, name: name.trim() });
            }}
          >
            <input
              aria-label={`Name of label ${label.name}`}
              value={name}
              maxLength={60}
              onChange={(event) => {
                setName(event.target.value);
                update.reset();
              }}
              aria-invalid={update.isError ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              className={`block w-44 ${controlClasses} py-1.5`}
            />
            {dirty ? (
              <Button size="sm" type="submit" pending={update.isPending}>
                Save
              </Button>
            ) : null}
            <ColourSelect
              id={`label-${label.id}-colour`}
              ariaLabel={`Colour of label ${label.name}`}
              value={label.colour}
              disabled={update.isPending}
              onChange={(colour) => {
                update.mutate({ orgId, labelId: label.id, colour });
              }}
            />
          </form>
        ) : null}
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          {label.taskCount === 1 ? "1 task" : `${String(label.taskCount)} tasks`}
        </span>
        {canDelete ? (
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Delete label ${label.name}`}
            onClick={() => {
              setConfirming(true);
            }}
          >
            Delete
          </Button>
        ) : null}
      </div>
      {problem ? <FieldError id={errorId}>{problem}</FieldError> : null}
      <ConfirmDialog
        open={confirming}
        title={`Delete label “${label.name}”?`}
        confirmLabel="Delete label"
        pending={remove.isPending}
        onCancel={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          remove.mutate({ orgId, labelId: label.id });
        }}
      >
        <p>
          {label.taskCount === 0
            ? "No task carries it."
            : `It is taken off the ${label.taskCount === 1 ? "task" : `${String(label.taskCount)} tasks`} carrying it.`}{" "}
          This cannot be undone.
        </p>
      </ConfirmDialog>
    </li>
  );
}

/** The organization's labels: everyone sees them; members add and edit, admins delete. */
export function LabelsCard({
  orgId,
  canWrite,
  canDelete,
}: {
  orgId: string;
  canWrite: boolean;
  canDelete: boolean;
}) {
  const utils = trpc.useUtils();
  const labels = trpc.label.list.useQuery({ orgId });
  const [name, setName] = useState("");
  const [colour, setColour] = useState<LabelColour>("blue");
  // Every task answer carries its labels' names and colours.
  const refresh = () =>
    Promise.all([utils.label.list.invalidate({ orgId }), utils.task.invalidate()]);
  const create = trpc.label.create.useMutation({
    onSuccess: () => {
      setName("");
    },
    onSettled: refresh,
  });

  return (
    <Card
      id="labels"
      title="Labels"
      description="Put on tasks across every project. A rename or a new colour shows on every task at once."
    >
      {canWrite ? (
        <form
          noValidate
          className="mb-4 flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ orgId, name: name.trim(), colour });
          }}
        >
          <div className="space-y-1">
            <label htmlFor="new-label-name" className="block text-xs font-medium">
              New label
            </label>
            <input
              id="new-label-name"
              value={name}
              placeholder="e.g. bug"
              autoComplete="off"
              onChange={(event) => {
                setName(event.target.value);
                create.reset();
              }}
              aria-invalid={create.isError ? true : undefined}
              aria-describedby={create.isError ? "new-label-error" : undefined}
              className={`block w-48 ${controlClasses} py-1.5`}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="new-label-colour" className="block text-xs font-medium">
              Colour
            </label>
            <ColourSelect id="new-label-colour" value={colour} onChange={setColour} />
          </div>
          <Button type="submit" size="sm" pending={create.isPending}>
            Add label
          </Button>
          {create.isError ? (
            <div className="basis-full">
              <FieldError id="new-label-error">{errorOf(create.error)}</FieldError>
            </div>
          ) : null}
        </form>
      ) : null}
      {labels.isPending ? (
        <div className="space-y-2" role="status" aria-label="Loading labels">
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
        </div>
      ) : labels.isError ? (
        <Alert tone="error" title="Labels could not be loaded">
          {describeApiError(labels.error).message}
        </Alert>
      ) : labels.data.length === 0 ? (
        <EmptyState title="No labels yet">
          {canWrite ? "Add one above, or from a task's page." : "Members can add them."}
        </EmptyState>
      ) : (
        <ul
          aria-label="Labels"
          className="divide-y divide-zinc-200 dark:divide-zinc-800"
          data-testid="label-list"
        >
          {labels.data.map((label) => (
            <LabelRow
              key={`${label.id}:${label.name}`}
              orgId={orgId}
              label={label}
              canWrite={canWrite}
              canDelete={canDelete}
              onChanged={refresh}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
