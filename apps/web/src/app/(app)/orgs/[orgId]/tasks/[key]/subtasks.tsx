"use client";

import type { Route } from "next";
import Link from "next/link";
import { useState } from "react";
import { FieldError, inputClasses } from "~/components/forms/field.tsx";
import { getSchema } from "~/components/forms/schemas.ts";
import { StatusBadge, SubtaskProgress } from "~/components/tasks/task-badges.tsx";
import { TaskPicker } from "~/components/tasks/task-picker.tsx";
import type { TaskDetail } from "~/components/tasks/types.ts";
import { Button } from "~/components/ui/button.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { useHydrated } from "~/lib/use-hydrated.ts";
import { trpc } from "~/trpc/react.tsx";

/** What a change to the task tree makes stale: lists, this task, the other's history. */
function useTreeChanged(orgId: string) {
  const utils = trpc.useUtils();
  return () =>
    Promise.all([
      utils.task.list.invalidate({ orgId }),
      utils.task.get.invalidate({ orgId }),
      utils.task.activity.invalidate({ orgId }),
    ]);
}

/** The task's parent (a link up), its sub-tasks with progress, and adding one. */
export function Subtasks({
  orgId,
  task,
  canEdit,
}: {
  orgId: string;
  task: TaskDetail;
  canEdit: boolean;
}) {
  const changed = useTreeChanged(orgId);
  const hydrated = useHydrated();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const parent = trpc.task.get.useQuery(
    { orgId, ref: task.parentId ?? "" },
    { enabled: task.parentId !== null },
  );
  const children = trpc.task.list.useQuery({
    orgId,
    parentId: task.id,
    sort: "created",
    order: "asc",
    limit: 100,
  });
  const onError = (failure: unknown) => {
    setError(describeApiError(failure).message);
  };
  const create = trpc.task.create.useMutation({
    onSuccess: async () => {
      setTitle("");
      await changed();
    },
    onError,
  });
  const adopt = trpc.task.update.useMutation({ onSuccess: changed, onError });
  const items = children.data?.items ?? [];

  return (
    <section aria-labelledby="subtasks-heading" className="space-y-3">
      {task.parentId ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="parent-task">
          Sub-task of{" "}
          {parent.data ? (
            <Link
              href={`/orgs/${orgId}/tasks/${parent.data.key}` as Route}
              className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {parent.data.key} {parent.data.title}
            </Link>
          ) : (
            "…"
          )}
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <h2
          id="subtasks-heading"
          className="text-sm font-semibold text-zinc-900 dark:text-zinc-100"
        >
          Sub-tasks
        </h2>
        <SubtaskProgress subtasks={task.subtasks} testId="subtask-progress" />
      </div>
      {items.length > 0 ? (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {items.map((child) => (
            <li key={child.id} className="flex items-center gap-2 px-3 py-2 text-sm">
              <StatusBadge status={child.status} />
              <Link
                href={`/orgs/${orgId}/tasks/${child.key}` as Route}
                className="min-w-0 truncate text-zinc-900 hover:underline dark:text-zinc-100"
              >
                <span className="mr-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">
                  {child.key}
                </span>{" "}
                {child.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No sub-tasks.</p>
      )}
      {canEdit ? (
        // Disabled in the server's HTML: this section's code loads after the page's.
        <fieldset disabled={!hydrated} className="space-y-3">
          <form
            noValidate
            aria-label="Create a sub-task"
            className="flex gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const input = { orgId, projectId: task.projectId, title, parentId: task.id };
              // The schemas load apart from the page (components/forms/schemas.ts).
              void getSchema("createTaskInput").then((schema) => {
                const parsed = schema.safeParse(input);
                if (!parsed.success) {
                  setError(parsed.error.issues[0]?.message ?? "Give the sub-task a title");
                  return;
                }
                setError(null);
                create.mutate(input);
              });
            }}
          >
            <label htmlFor="new-subtask" className="sr-only">
              New sub-task title
            </label>
            <input
              id="new-subtask"
              value={title}
              onChange={(event) => {
                setTitle(event.target.value);
              }}
              placeholder="New sub-task title"
              autoComplete="off"
              className={`${inputClasses} py-1.5`}
            />
            <Button
              type="submit"
              size="sm"
              pending={create.isPending}
              className="shrink-0 whitespace-nowrap"
            >
              Add sub-task
            </Button>
          </form>
          <TaskPicker
            orgId={orgId}
            label="Make an existing task a sub-task"
            exclude={[
              task.id,
              ...(task.parentId ? [task.parentId] : []),
              ...items.map((c) => c.id),
            ]}
            disabled={adopt.isPending}
            onPick={(picked) => {
              setError(null);
              adopt.mutate({ orgId, taskId: picked.id, parentId: task.id });
            }}
          />
          {error ? <FieldError id="subtasks-error">{error}</FieldError> : null}
        </fieldset>
      ) : null}
    </section>
  );
}
