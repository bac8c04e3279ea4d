"use client";

import type { ReactNode } from "react";
import { useState } from "react";
import { controlClasses, FieldError } from "~/components/forms/field.tsx";
import { LabelChip, PriorityBadge, StatusBadge } from "~/components/tasks/task-badges.tsx";
import type { TaskDetail } from "~/components/tasks/types.ts";
import { useMemberOptions } from "~/components/tasks/use-member-options.ts";
import { LocalTime } from "~/components/ui/local-time.tsx";
import { formatDueDate, isTaskPriority, priorityLabels, TASK_PRIORITIES } from "~/lib/tasks.ts";
import { trpc } from "~/trpc/react.tsx";
import { LabelsEditor } from "./labels-editor.tsx";
import type { TaskSaver } from "./use-update-task.ts";

const labelClasses = "text-xs font-medium text-zinc-500 dark:text-zinc-400";
const selectClasses = `block w-full ${controlClasses} py-1.5`;

function Field({ id, label, children }: { id?: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      {id ? (
        <label htmlFor={id} className={labelClasses}>
          {label}
        </label>
      ) : (
        <p className={labelClasses}>{label}</p>
      )}
      {children}
    </div>
  );
}

/** Status, priority, assignee, due date and labels: each saved as soon as it changes. */
export function TaskFields({
  orgId,
  task,
  saver,
  canEdit,
}: {
  orgId: string;
  task: TaskDetail;
  saver: TaskSaver;
  canEdit: boolean;
}) {
  const members = useMemberOptions(orgId);
  const [dueError, setDueError] = useState<string | null>(null);

  return (
    <div className="space-y-4 rounded-xl border border-zinc-200 bg-zinc-50/60 p-4 dark:border-zinc-800 dark:bg-zinc-900/40">
      {canEdit ? (
        <>
          <Field id="field-status" label="Status">
            <StatusSelect orgId={orgId} task={task} saver={saver} />
          </Field>
          <Field id="field-priority" label="Priority">
            <select
              id="field-priority"
              value={task.priority}
              onChange={(event) => {
                if (isTaskPriority(event.target.value))
                  saver.save({ priority: event.target.value });
              }}
              className={selectClasses}
            >
              {TASK_PRIORITIES.map((value) => (
                <option key={value} value={value}>
                  {priorityLabels[value]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="field-assignee" label="Assignee">
            <select
              id="field-assignee"
              value={task.assigneeId ?? ""}
              onChange={(event) => {
                const assigneeId = event.target.value || null;
                saver.save({ assigneeId });
              }}
              className={selectClasses}
            >
              {/* Someone who has left stays shown until the task is reassigned. */}
              {task.assigneeId && !members.names.has(task.assigneeId) ? (
                <option value={task.assigneeId}>{task.assigneeName ?? "A former member"}</option>
              ) : null}
              {members.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {members.problem ? (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">{members.problem}</p>
            ) : null}
          </Field>
          <Field id="field-due" label="Due date">
            <input
              id="field-due"
              type="date"
              // Remounted when the saved value changes, so a refused date snaps back.
              key={task.dueDate ?? "none"}
              defaultValue={task.dueDate ?? ""}
              onBlur={(event) => {
                const dueDate = event.target.value || null;
                if (dueDate === task.dueDate) return;
                setDueError(saver.save({ dueDate }));
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter") event.currentTarget.blur();
              }}
              aria-invalid={dueError ? true : undefined}
              aria-describedby={dueError ? "field-due-error" : "field-due-hint"}
              className={selectClasses}
            />
            {dueError ? (
              <FieldError id="field-due-error">{dueError}</FieldError>
            ) : (
              <p id="field-due-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
                Saved when you leave the field; clear it for no date.
              </p>
            )}
          </Field>
          <LabelsEditor orgId={orgId} labels={task.labels} saver={saver} />
        </>
      ) : (
        <dl className="space-y-3 text-sm">
          <div>
            <dt className={labelClasses}>Status</dt>
            <dd className="mt-1">
              <StatusBadge status={task.status} name={task.statusName} />
            </dd>
          </div>
          <div>
            <dt className={labelClasses}>Priority</dt>
            <dd className="mt-1">
              {task.priority === "none" ? (
                "No priority"
              ) : (
                <PriorityBadge priority={task.priority} />
              )}
            </dd>
          </div>
          <div>
            <dt className={labelClasses}>Assignee</dt>
            <dd className="mt-1">{task.assigneeName ?? "Unassigned"}</dd>
          </div>
          <div>
            <dt className={labelClasses}>Due date</dt>
            <dd className="mt-1">{task.dueDate ? formatDueDate(task.dueDate) : "None"}</dd>
          </div>
          <div>
            <dt className={labelClasses}>Labels</dt>
            <dd className="mt-1 flex flex-wrap gap-1">
              {task.labels.length
                ? task.labels.map((l) => <LabelChip key={l.id} label={l} />)
                : "None"}
            </dd>
          </div>
        </dl>
      )}
      <p className="border-t border-zinc-200 pt-3 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        Created <LocalTime date={task.createdAt} />
        <br />
        Updated <LocalTime date={task.updatedAt} />
      </p>
    </div>
  );
}

/** The project's own statuses (its workflow), in board order; the current one while they load. */
function StatusSelect({
  orgId,
  task,
  saver,
}: {
  orgId: string;
  task: TaskDetail;
  saver: TaskSaver;
}) {
  const statuses = trpc.status.list.useQuery({ orgId, projectId: task.projectId });
  const options = statuses.data ?? [{ id: task.statusId, name: task.statusName }];
  return (
    <select
      id="field-status"
      value={task.statusId}
      onChange={(event) => {
        const next = options.find((status) => status.id === event.target.value);
        if (next) saver.save({ statusId: next.id, statusName: next.name });
      }}
      className={selectClasses}
    >
      {options.map((status) => (
        <option key={status.id} value={status.id}>
          {status.name}
        </option>
      ))}
    </select>
  );
}
