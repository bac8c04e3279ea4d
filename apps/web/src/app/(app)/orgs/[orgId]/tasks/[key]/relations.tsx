"use client";

import type { TaskRelationView } from "@tesseract/validators";
import type { Route } from "next";
import Link from "next/link";
import { useId, useState } from "react";
import { controlClasses, FieldError } from "~/components/forms/field.tsx";
import { TaskPicker } from "~/components/tasks/task-picker.tsx";
import { Button } from "~/components/ui/button.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { useHydrated } from "~/lib/use-hydrated.ts";
import { trpc } from "~/trpc/react.tsx";

/** Every relation a task can have, in the order the select offers them (the API's names). */
const VIEW_LABELS: Record<TaskRelationView, string> = {
  blocks: "Blocks",
  blocked_by: "Blocked by",
  relates_to: "Relates to",
  duplicate_of: "Duplicate of",
  duplicated_by: "Duplicated by",
};

/** The task's relations, each from this task's side, and adding or removing one. */
export function Relations({
  orgId,
  taskId,
  canEdit,
}: {
  orgId: string;
  taskId: string;
  canEdit: boolean;
}) {
  const utils = trpc.useUtils();
  const kindId = useId();
  const hydrated = useHydrated();
  const [kind, setKind] = useState<TaskRelationView>("blocks");
  const [error, setError] = useState<string | null>(null);
  const relations = trpc.relation.list.useQuery({ orgId, taskId });
  const changed = () =>
    Promise.all([
      utils.relation.list.invalidate({ orgId }),
      utils.task.get.invalidate({ orgId }),
      utils.task.list.invalidate({ orgId }),
      utils.task.activity.invalidate({ orgId }),
    ]);
  const onError = (failure: unknown) => {
    setError(describeApiError(failure).message);
  };
  const add = trpc.relation.add.useMutation({ onSuccess: changed, onError });
  const remove = trpc.relation.remove.useMutation({ onSuccess: changed, onError });
  const items = relations.data ?? [];

  return (
    <section aria-labelledby="relations-heading" className="space-y-3">
      <h2 id="relations-heading" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
        Relations
      </h2>
      {items.length > 0 ? (
        <ul
          className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          data-testid="relations"
        >
          {items.map((relation) => (
            <li key={relation.id} className="flex items-center gap-2 px-3 py-2 text-sm">
              <span className="w-28 shrink-0 text-xs font-medium text-zinc-600 dark:text-zinc-400">
                {VIEW_LABELS[relation.kind]}
              </span>
              <Link
                href={`/orgs/${orgId}/tasks/${relation.task.key}` as Route}
                className={`min-w-0 flex-1 truncate hover:underline ${
                  relation.task.status === "done" || relation.task.status === "canceled"
                    ? "text-zinc-500 line-through dark:text-zinc-400"
                    : "text-zinc-900 dark:text-zinc-100"
                }`}
              >
                <span className="mr-2 font-mono text-xs">{relation.task.key}</span>{" "}
                {relation.task.title}
              </Link>
              {canEdit ? (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove "${VIEW_LABELS[relation.kind]} ${relation.task.key}"`}
                  disabled={remove.isPending}
                  onClick={() => {
                    setError(null);
                    remove.mutate({ orgId, relationId: relation.id });
                  }}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No related tasks.</p>
      )}
      {canEdit ? (
        // Disabled in the server's HTML: this section's code loads after the page's.
        <fieldset disabled={!hydrated} className="space-y-2">
          <div className="space-y-1.5">
            <label
              htmlFor={kindId}
              className="text-xs font-medium text-zinc-500 dark:text-zinc-400"
            >
              Relation
            </label>
            <select
              id={kindId}
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as TaskRelationView);
              }}
              className={`block ${controlClasses} py-1.5`}
            >
              {Object.entries(VIEW_LABELS).map(([view, label]) => (
                <option key={view} value={view}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <TaskPicker
            orgId={orgId}
            label="Related task"
            exclude={[taskId]}
            disabled={add.isPending}
            onPick={(picked) => {
              setError(null);
              add.mutate({ orgId, taskId, kind, otherTaskId: picked.id });
            }}
          />
          {error ? <FieldError id="relations-error">{error}</FieldError> : null}
        </fieldset>
      ) : null}
    </section>
  );
}
