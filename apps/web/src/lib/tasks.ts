import type { TaskPriority, TaskStatus } from "@tesseract/validators";
import { TASK_PRIORITIES, TASK_STATUSES } from "@tesseract/validators/constants";
import { lazyDateFormat } from "./date-format.ts";

export { TASK_PRIORITIES, TASK_STATUSES };

/** Board columns, left to right, in the API's status order. */
export const statusLabels: Record<TaskStatus, string> = {
  backlog: "Backlog",
  todo: "To do",
  in_progress: "In progress",
  done: "Done",
  canceled: "Canceled",
};

export const priorityLabels: Record<TaskPriority, string> = {
  none: "No priority",
  low: "Low",
  medium: "Medium",
  high: "High",
  urgent: "Urgent",
};

export type Tone = "neutral" | "indigo" | "green" | "amber" | "rose";

export const statusTones: Record<TaskStatus, Tone> = {
  backlog: "neutral",
  todo: "neutral",
  in_progress: "indigo",
  done: "green",
  canceled: "neutral",
};

export const priorityTones: Record<TaskPriority, Tone> = {
  none: "neutral",
  low: "neutral",
  medium: "indigo",
  high: "amber",
  urgent: "rose",
};

export function isTaskStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}

export function isTaskPriority(value: string): value is TaskPriority {
  return (TASK_PRIORITIES as readonly string[]).includes(value);
}

/** A due date ("2026-12-31", a calendar day with no time zone) as "Dec 31, 2026". */
export function formatDueDate(dueDate: string): string {
  const [year, month, day] = dueDate.split("-").map(Number);
  if (!year || !month || !day) return dueDate;
  return dueDateFormat().format(new Date(Date.UTC(year, month - 1, day)));
}

/** Due dates are calendar days, written at midnight UTC and read back in UTC. */
const dueDateFormat = lazyDateFormat({ dateStyle: "medium", timeZone: "UTC" });

/** Today's calendar day where the viewer is, as the API writes due dates. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Overdue: due before today and still open. ISO dates compare correctly as strings. */
export function isOverdue(dueDate: string | null, status: TaskStatus, today: string): boolean {
  return dueDate !== null && dueDate < today && status !== "done" && status !== "canceled";
}
