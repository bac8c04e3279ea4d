import { isRole, roleLabels } from "./roles.ts";
import {
  formatDueDate,
  isTaskPriority,
  isTaskStatus,
  priorityLabels,
  statusLabels,
} from "./tasks.ts";

/** One entry of `activity.list`, as far as describing it needs. */
export interface ActivityEntry {
  action: string;
  data: unknown;
  actorName: string | null;
  tokenName: string | null;
  /** The task as it is now (null once deleted: the entry's own record names it then). */
  taskKey?: string | null;
  taskTitle?: string | null;
  projectName?: string | null;
  subjectName?: string | null;
  subjectEmail?: string | null;
}

/**
 * "Ada moved ENG-42 “Fix login” to Done" in parts: `text` before the task, the task itself (a
 * link while it exists), and `after` it. Entries about no task have only `text`.
 */
export interface ActivitySentence {
  actor: string;
  text: string;
  task: { key: string; title: string | null; exists: boolean } | null;
  after: string;
}

type Data = Record<string, unknown>;

function record(value: unknown): Data {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Data) : {};
}

function field(data: Data, key: string): string | undefined {
  const value = data[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

const role = (value: string | undefined) =>
  value && isRole(value) ? roleLabels[value] : (value ?? "?");

/** A person as the log shows them: "Bob Stone (bob@example.com)", or the address alone. */
function person(entry: ActivityEntry, fallback: string): string {
  const { subjectName: name, subjectEmail: email } = entry;
  if (name && email) return `${name} (${email})`;
  return name ?? email ?? fallback;
}

/** A relation as read from the task the entry is about: "ENG-1 as blocking ENG-7". */
const relationLabels: Record<string, string> = {
  blocks: "as blocking",
  blocked_by: "as blocked by",
  relates_to: "as related to",
  duplicate_of: "as a duplicate of",
  duplicated_by: "as duplicated by",
};

const fieldNames: Record<string, string> = {
  title: "title",
  description: "description",
  status: "status",
  priority: "priority",
  assigneeId: "assignee",
  dueDate: "due date",
  labels: "labels",
  parentId: "parent",
  key: "project",
};

/** What a task.updated / task.moved entry did, as [words before the task, words after it]. */
function taskChange(data: Data, memberNames: ReadonlyMap<string, string>): [string, string] {
  const changes = record(data.changes);
  const fields = Object.keys(changes);
  if (fields.length !== 1) {
    if (fields.length === 0) return ["reordered", ""];
    return [`changed the ${fields.map((f) => fieldNames[f] ?? f).join(", ")} of`, ""];
  }
  const name = fields[0]!;
  const to = record(changes[name]).to;
  const text = typeof to === "string" ? to : null;
  switch (name) {
    case "status":
      return ["moved", `to ${text && isTaskStatus(text) ? statusLabels[text] : (text ?? "?")}`];
    case "title":
      return ["renamed", `to “${text ?? ""}”`];
    case "description":
      return ["edited the description of", ""];
    case "priority":
      return [
        "set the priority of",
        `to ${text && isTaskPriority(text) ? priorityLabels[text] : (text ?? "?")}`,
      ];
    case "assigneeId":
      return text
        ? ["assigned", `to ${memberNames.get(text) ?? "a former member"}`]
        : ["unassigned", ""];
    case "dueDate":
      return text
        ? ["set the due date of", `to ${formatDueDate(text)}`]
        : ["cleared the due date of", ""];
    case "labels":
      return ["changed the labels of", ""];
    case "parentId":
      return text ? ["made", `a sub-task of ${text}`] : ["made", "a top-level task"];
    case "key": {
      const from = field(record(changes.key), "from");
      return ["moved", `to another project${from ? ` (was ${from})` : ""}`];
    }
    default:
      return [`changed the ${name} of`, ""];
  }
}

type Describe = (
  data: Data,
  entry: ActivityEntry,
  memberNames: ReadonlyMap<string, string>,
) => string | [string, string];

/** "the project “Design”", or "a project" when the entry names none. */
function projectOf(entry: ActivityEntry): string {
  return entry.projectName ? `the project “${entry.projectName}”` : "a project";
}

/** Task entries give [before, after] the task; the others a whole sentence. */
const descriptions: Record<string, Describe> = {
  "task.created": () => ["created", ""],
  "task.updated": (data, _, names) => taskChange(data, names),
  "task.moved": (data, _, names) => taskChange(data, names),
  "task.deleted": () => ["deleted", ""],
  "task.restored": () => ["restored", ""],
  "task.relation_added": (data) => [
    "linked",
    `${relationLabels[field(data, "relation") ?? ""] ?? "as related to"} ${field(data, "other") ?? "?"}`,
  ],
  "task.relation_removed": (data) => ["unlinked", `from ${field(data, "other") ?? "?"}`],
  "comment.created": () => ["commented on", ""],
  "comment.updated": () => ["edited a comment on", ""],
  "comment.deleted": () => ["deleted a comment on", ""],
  "attachment.added": (data) => [`attached “${field(data, "fileName") ?? "a file"}” to`, ""],
  "attachment.deleted": (data) => [`removed “${field(data, "fileName") ?? "a file"}” from`, ""],
  "project.created": (data) =>
    `created the project ${field(data, "key") ?? ""} “${field(data, "name") ?? "?"}”`,
  "project.updated": (data, entry) =>
    field(data, "name")
      ? `renamed a project to “${field(data, "name")}”`
      : `edited the project “${entry.projectName ?? "?"}”`,
  "project.archived": (_, entry) => `archived the project “${entry.projectName ?? "?"}”`,
  "project.restored": (_, entry) => `restored the project “${entry.projectName ?? "?"}”`,
  "project.deleted": (data) =>
    `deleted the project ${field(data, "key") ?? ""} “${field(data, "name") ?? "?"}”`,
  "org.created": () => "created the organization",
  "org.updated": (data) => `renamed the organization to “${field(data, "name") ?? "?"}”`,
  "member.role_changed": (data, entry) =>
    `changed the role of ${person(entry, "a member")} from ${role(field(data, "from"))} to ${role(field(data, "to"))}`,
  "member.removed": (data, entry) =>
    `removed ${person(entry, "a member")} (${role(field(data, "role"))}) from the organization`,
  "member.left": () => "left the organization",
  "invitation.created": (data) =>
    `invited ${field(data, "email") ?? "someone"} as ${role(field(data, "role"))}`,
  "invitation.revoked": (data) => `revoked the invitation for ${field(data, "email") ?? "someone"}`,
  "invitation.accepted": (data) =>
    `accepted an invitation and joined as ${role(field(data, "role"))}`,
  "token.created": (data) =>
    `created the API token “${field(data, "name") ?? "?"}” (${role(field(data, "role"))})`,
  "token.revoked": (data) => `revoked the API token “${field(data, "name") ?? "?"}”`,
  "label.created": (data) => `created the label “${field(data, "name") ?? "?"}”`,
  "label.updated": (data) => {
    const rename = field(record(record(data.changes).name), "to");
    return rename
      ? `renamed the label “${field(data, "name") ?? "?"}” to “${rename}”`
      : `recoloured the label “${field(data, "name") ?? "?"}”`;
  },
  "label.deleted": (data) => `deleted the label “${field(data, "name") ?? "?"}”`,
  "status.created": (data, entry) =>
    `added the status “${field(data, "name") ?? "?"}” to ${projectOf(entry)}`,
  "status.updated": (data, entry) => {
    const rename = field(record(data.rename), "to");
    return rename
      ? `renamed the status “${field(data, "name") ?? "?"}” to “${rename}” in ${projectOf(entry)}`
      : `changed the status “${field(data, "name") ?? "?"}” in ${projectOf(entry)}`;
  },
  "status.deleted": (data, entry) =>
    `removed the status “${field(data, "name") ?? "?"}” from ${projectOf(entry)}` +
    (field(data, "movedTo") ? `, moving its tasks to “${field(data, "movedTo")}”` : ""),
  "view.created": (data) => `shared the view “${field(data, "name") ?? "?"}”`,
  "view.shared": (data) => `shared the view “${field(data, "name") ?? "?"}”`,
  "view.updated": (data) => `changed the shared view “${field(data, "name") ?? "?"}”`,
  "view.unshared": (data) => `stopped sharing the view “${field(data, "name") ?? "?"}”`,
  "view.deleted": (data) => `deleted the shared view “${field(data, "name") ?? "?"}”`,
};

/** "Ada moved ENG-42 “Fix login” to Done" — a sentence for the activity log. */
export function describeActivity(
  entry: ActivityEntry,
  memberNames: ReadonlyMap<string, string> = new Map(),
): ActivitySentence {
  const actorName = entry.actorName ?? "Someone";
  const actor = entry.tokenName ? `${actorName} (token “${entry.tokenName}”)` : actorName;
  const data = record(entry.data);
  const described = descriptions[entry.action]?.(data, entry, memberNames) ?? entry.action;
  if (typeof described === "string") return { actor, text: described, task: null, after: "" };
  const [text, after] = described;
  const key = entry.taskKey ?? field(data, "key");
  const title = entry.taskTitle ?? field(data, "title") ?? null;
  return {
    actor,
    text,
    task: key ? { key, title, exists: Boolean(entry.taskKey) } : null,
    after,
  };
}
