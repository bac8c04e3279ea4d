"use client";

import type { StatusCategory } from "@tesseract/validators";
import { useState } from "react";
import { inputClasses } from "~/components/forms/field.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { boardStatusesQuery } from "~/lib/board-query.ts";
import { invalidateProjectTasks } from "~/lib/task-cache.ts";
import { categoryLabels, STATUS_CATEGORIES } from "~/lib/workflow.ts";
import { trpc } from "~/trpc/react.tsx";
import type { BoardStatus } from "../use-board-columns.ts";
import { DeleteStatusDialog } from "./delete-status-dialog.tsx";

const categoryHints: Record<StatusCategory, string> = {
  backlog: "Ideas and requests not planned yet.",
  unstarted: "Planned, not begun.",
  started: "Being worked on.",
  completed: "Finished. Counts as closed.",
  canceled: "Dropped. Counts as closed.",
};

/** The project's statuses by category: rename, add, reorder and delete (admins). */
export function WorkflowEditor({
  orgId,
  projectId,
  canManage,
}: {
  orgId: string;
  projectId: string;
  canManage: boolean;
}) {
  const [statuses] = trpc.status.list.useSuspenseQuery(boardStatusesQuery(orgId, projectId));
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<BoardStatus | null>(null);
  const settle = {
    onMutate: () => {
      setError(null);
    },
    onError: (failure: Parameters<typeof describeApiError>[0]) => {
      setError(describeApiError(failure).message);
    },
    onSettled: () =>
      Promise.all([
        utils.status.list.invalidate({ orgId, projectId }),
        invalidateProjectTasks(utils, orgId, projectId),
      ]),
  };
  const create = trpc.status.create.useMutation(settle);
  const update = trpc.status.update.useMutation(settle);
  const remove = trpc.status.delete.useMutation(settle);

  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Each status is a column of the board, in the order below. Every category keeps at least one
        status.{canManage ? "" : " Only admins change the workflow."}
      </p>
      {error ? (
        <Alert tone="error" title="Not saved" testId="workflow-error">
          {error}
        </Alert>
      ) : null}
      {STATUS_CATEGORIES.map((category) => {
        const inCategory = statuses.filter((status) => status.category === category);
        return (
          <Card
            key={category}
            id={`category-${category}`}
            title={categoryLabels[category]}
            description={categoryHints[category]}
          >
            <ol className="space-y-2">
              {inCategory.map((status, index) => (
                <StatusRow
                  key={status.id}
                  status={status}
                  canManage={canManage}
                  canDelete={inCategory.length > 1}
                  previous={inCategory[index - 1]}
                  next={inCategory[index + 1]}
                  onRename={(name) => {
                    update.mutate({ orgId, statusId: status.id, name });
                  }}
                  onMove={(place) => {
                    update.mutate({ orgId, statusId: status.id, ...place });
                  }}
                  onDelete={() => {
                    setDeleting(status);
                  }}
                />
              ))}
            </ol>
            {canManage ? (
              <AddStatusForm
                category={category}
                pending={create.isPending && create.variables.category === category}
                onAdd={(name, done) => {
                  create.mutate({ orgId, projectId, name, category }, { onSuccess: done });
                }}
              />
            ) : null}
          </Card>
        );
      })}
      {deleting ? (
        <DeleteStatusDialog
          status={deleting}
          statuses={statuses}
          onClose={() => {
            setDeleting(null);
          }}
          onDelete={(moveTasksTo) => {
            remove.mutate({ orgId, statusId: deleting.id, moveTasksTo });
            setDeleting(null);
          }}
        />
      ) : null}
    </div>
  );
}

function StatusRow({
  status,
  canManage,
  canDelete,
  previous,
  next,
  onRename,
  onMove,
  onDelete,
}: {
  status: BoardStatus;
  canManage: boolean;
  canDelete: boolean;
  previous: BoardStatus | undefined;
  next: BoardStatus | undefined;
  onRename: (name: string) => void;
  onMove: (place: { beforeId: string } | { afterId: string }) => void;
  onDelete: () => void;
}) {
  const tasks = `${status.taskCount} ${status.taskCount === 1 ? "task" : "tasks"}`;
  if (!canManage) {
    return (
      <li className="flex items-center justify-between gap-3 rounded-lg border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
        <span>{status.name}</span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{tasks}</span>
      </li>
    );
  }
  const save = (value: string) => {
    const name = value.trim();
    if (name && name !== status.name) onRename(name);
  };
  return (
    <li
      data-testid={`status-${status.id}`}
      className="flex flex-wrap items-center gap-2 rounded-lg border border-zinc-200 px-2 py-1.5 dark:border-zinc-800"
    >
      <input
        // Keyed by the name, so a saved or refused rename shows what the API holds.
        key={status.name}
        defaultValue={status.name}
        aria-label={`Name of status ${status.name}`}
        maxLength={40}
        className={`${inputClasses} min-w-0 flex-1 py-1`}
        onBlur={(event) => {
          save(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            save(event.currentTarget.value);
          } else if (event.key === "Escape") {
            event.currentTarget.value = status.name;
          }
        }}
      />
      <span className="w-16 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
        {tasks}
      </span>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Move ${status.name} up`}
        disabled={!previous}
        onClick={() => {
          if (previous) onMove({ beforeId: previous.id });
        }}
      >
        ↑
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Move ${status.name} down`}
        disabled={!next}
        onClick={() => {
          if (next) onMove({ afterId: next.id });
        }}
      >
        ↓
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Delete ${status.name}`}
        title={canDelete ? undefined : "The last status of a category cannot be deleted"}
        disabled={!canDelete}
        onClick={onDelete}
      >
        Delete
      </Button>
    </li>
  );
}

function AddStatusForm({
  category,
  pending,
  onAdd,
}: {
  category: StatusCategory;
  pending: boolean;
  onAdd: (name: string, done: () => void) => void;
}) {
  const [name, setName] = useState("");
  const label = `New ${categoryLabels[category].toLowerCase()} status`;
  return (
    <form
      className="mt-3 flex gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        onAdd(name.trim(), () => {
          setName("");
        });
      }}
    >
      <input
        value={name}
        onChange={(event) => {
          setName(event.target.value);
        }}
        aria-label={label}
        placeholder={label}
        maxLength={40}
        className={`${inputClasses} min-w-0 flex-1 py-1`}
      />
      <Button type="submit" size="sm" variant="secondary" pending={pending}>
        Add
      </Button>
    </form>
  );
}
