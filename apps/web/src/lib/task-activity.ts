import {
  formatDueDate,
  isTaskPriority,
  isTaskStatus,
  priorityLabels,
  statusLabels,
} from "./tasks.ts";

/** One change a task's history records: the field and its value before and after. */
export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface TaskEvent {
  summary: string;
  changes: FieldChange[];
}

const fieldLabels: Record<string, string> = {
  title: "Title",
  description: "Description",
  status: "Status",
  priority: "Priority",
  assigneeId: "Assignee",
  dueDate: "Due date",
  labels: "Labels",
  parentId: "Parent",
};

/** A relation as the task whose history it is reads it. */
const relationLabels: Record<string, string> = {
  blocks: "blocks",
  blocked_by: "blocked by",
  relates_to: "relates to",
  duplicate_of: "duplicate of",
  duplicated_by: "duplicated by",
};

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

/** A field's value as a person reads it; member ids become names. */
function show(field: string, value: unknown, memberNames: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === "") {
    return field === "assigneeId" ? "Unassigned" : "None";
  }
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : "None";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (field === "status" && isTaskStatus(text)) return statusLabels[text];
  if (field === "priority" && isTaskPriority(text)) return priorityLabels[text];
  if (field === "assigneeId") return memberNames.get(text) ?? "A former member";
  if (field === "dueDate") return formatDueDate(text);
  return text;
}

function changesOf(data: unknown, memberNames: ReadonlyMap<string, string>): FieldChange[] {
  return Object.entries(record(record(data).changes)).map(([field, change]) => {
    const { from, to } = record(change);
    // A description can be pages long: the history says that it changed, not what it says.
    if (field === "description") return { field: fieldLabels[field]!, from: "", to: "" };
    return {
      field: fieldLabels[field] ?? field,
      from: show(field, from, memberNames),
      to: show(field, to, memberNames),
    };
  });
}

const summaries: Record<string, string> = {
  "task.created": "created the task",
  "task.updated": "changed the task",
  "task.moved": "moved the task",
  "task.deleted": "deleted the task",
  "task.restored": "restored the task",
  "comment.created": "commented",
  "comment.updated": "edited a comment",
  "comment.deleted": "deleted a comment",
  "attachment.added": "attached a file",
  "attachment.deleted": "deleted a file",
  "task.relation_added": "added a relation",
  "task.relation_removed": "removed a relation",
};

/** What one entry of a task's history says: "moved the task", Status To do → Done. */
export function describeTaskEvent(
  entry: { action: string; data: unknown },
  memberNames: ReadonlyMap<string, string>,
): TaskEvent {
  const changes = changesOf(entry.data, memberNames);
  let summary = summaries[entry.action] ?? entry.action;
  if (entry.action === "task.moved" && changes.length === 0) summary = "reordered the task";
  const { relation, other } = record(entry.data);
  if (entry.action.startsWith("task.relation_") && typeof relation === "string")
    summary = `${summary}: ${relationLabels[relation] ?? relation} ${String(other)}`;
  const fileName = record(entry.data).fileName;
  if (entry.action.startsWith("attachment.") && typeof fileName === "string")
    summary = `${summary}: ${fileName}`;
  return { summary, changes };
}
