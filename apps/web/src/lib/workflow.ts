import type { StatusCategory } from "@tesseract/validators";
import { CATEGORY_STATUS, STATUS_CATEGORIES } from "@tesseract/validators/constants";

export { CATEGORY_STATUS, STATUS_CATEGORIES };

/** The categories a project's statuses fall in, as people read them. */
export const categoryLabels: Record<StatusCategory, string> = {
  backlog: "Backlog",
  unstarted: "Unstarted",
  started: "Started",
  completed: "Completed",
  canceled: "Canceled",
};

/** A board column's test id from its status name: "In Progress" → "in_progress". */
export function columnTestId(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}
