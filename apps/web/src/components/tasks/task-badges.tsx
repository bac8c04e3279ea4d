import type { TaskPriority, TaskStatus } from "@tesseract/validators";
import { Badge } from "~/components/ui/badge.tsx";
import { priorityLabels, priorityTones, statusLabels, statusTones } from "~/lib/tasks.ts";

export function StatusBadge({ status }: { status: TaskStatus }) {
  return <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>;
}

/** Nothing for "no priority": a card says only what is worth reading. */
export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  if (priority === "none") return null;
  return <Badge tone={priorityTones[priority]}>{priorityLabels[priority]}</Badge>;
}

export function LabelChip({ label }: { label: string }) {
  return (
    <span className="inline-flex max-w-full items-center truncate rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
      {label}
    </span>
  );
}
