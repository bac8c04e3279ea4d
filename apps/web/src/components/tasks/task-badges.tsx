import type { TaskPriority, TaskStatus } from "@tesseract/validators";
import type { ReactNode } from "react";
import { Badge } from "~/components/ui/badge.tsx";
import { labelChipClasses, labelDotClasses, type LabelColour } from "~/lib/label-colours.ts";
import { priorityLabels, priorityTones, statusLabels, statusTones } from "~/lib/tasks.ts";

/** A status by its category's tone; `name` is the project's own name for it. */
export function StatusBadge({ status, name }: { status: TaskStatus; name?: string | undefined }) {
  return <Badge tone={statusTones[status]}>{name ?? statusLabels[status]}</Badge>;
}

/** Nothing for "no priority": a card says only what is worth reading. */
export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  if (priority === "none") return null;
  return <Badge tone={priorityTones[priority]}>{priorityLabels[priority]}</Badge>;
}

/** A label in its colour; the name is the text, so it reads the same to a screen reader. */
export function LabelChip({
  label,
  children,
}: {
  label: { name: string; colour: LabelColour };
  children?: ReactNode;
}) {
  return (
    <span
      data-testid="label-chip"
      className={`inline-flex max-w-full items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${labelChipClasses[label.colour]}`}
    >
      <span
        aria-hidden="true"
        className={`size-1.5 shrink-0 rounded-full ${labelDotClasses[label.colour]}`}
      />
      <span className="truncate">{label.name}</span>
      {children}
    </span>
  );
}

/** "2/5" sub-tasks done, with the whole sentence for screen readers; nothing without sub-tasks. */
export function SubtaskProgress({
  subtasks,
  testId,
}: {
  subtasks: { total: number; done: number };
  testId?: string;
}) {
  if (subtasks.total === 0) return null;
  const complete = subtasks.done === subtasks.total;
  return (
    <span
      data-testid={testId}
      title={`${subtasks.done} of ${subtasks.total} sub-tasks done`}
      className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs tabular-nums ${
        complete
          ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-500/10 dark:text-emerald-300"
          : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
      }`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" fill="currentColor" className="size-3">
        <path d="M12.4 4.6a.75.75 0 0 1 0 1.06l-5 5a.75.75 0 0 1-1.06 0l-2.5-2.5a.75.75 0 1 1 1.06-1.06l1.97 1.97 4.47-4.47a.75.75 0 0 1 1.06 0Z" />
      </svg>
      <span aria-hidden="true">
        {subtasks.done}/{subtasks.total}
      </span>
      <span className="sr-only">
        {subtasks.done} of {subtasks.total} sub-tasks done
      </span>
    </span>
  );
}

/** Shown while an open task blocks this one. */
export function BlockedBadge({ blockedBy }: { blockedBy: number }) {
  if (blockedBy === 0) return null;
  return (
    <Badge tone="rose">{blockedBy === 1 ? "Blocked" : `Blocked by ${String(blockedBy)}`}</Badge>
  );
}
