/**
 * Values the API and its clients must agree on. This module and the two it re-exports import
 * no zod, so a browser bundle can take them from `@tesseract/validators/constants` without the
 * schemas (and from `/permissions` or `/wire` alone, for less).
 */

export { INVITABLE_ROLES, ROLES } from "./permissions.ts";
/** The job states the operator's job list filters by. */
export const JOB_STATE_FILTERS = ["pending", "queued", "running", "succeeded", "failed"] as const;
/** What an activity entry is about: the part of its action before the dot (task.moved → task). */
export const ACTIVITY_KINDS = [
  "task",
  "comment",
  "attachment",
  "project",
  "member",
  "invitation",
  "token",
  "org",
  "label",
  "status",
  "view",
] as const;
/**
 * A task's status category, as the API has always named it (the `status` field and filter).
 * Each project's own statuses (its workflow, `status.list`) fall in these, as STATUS_CATEGORIES.
 */
export const TASK_STATUSES = ["backlog", "todo", "in_progress", "done", "canceled"] as const;
/** The categories a project's statuses fall in, in board order. */
export const STATUS_CATEGORIES = [
  "backlog",
  "unstarted",
  "started",
  "completed",
  "canceled",
] as const;
/** A category's legacy status value (TASK_STATUSES), index for index. */
export const CATEGORY_STATUS = {
  backlog: "backlog",
  unstarted: "todo",
  started: "in_progress",
  completed: "done",
  canceled: "canceled",
} as const satisfies Record<(typeof STATUS_CATEGORIES)[number], (typeof TASK_STATUSES)[number]>;
export const TASK_PRIORITIES = ["none", "low", "medium", "high", "urgent"] as const;
/** The palette a label's colour comes from (the web app renders each readably in both themes). */
export const LABEL_COLOURS = [
  "gray",
  "red",
  "orange",
  "amber",
  "green",
  "teal",
  "blue",
  "indigo",
  "purple",
  "pink",
] as const;
export type LabelColour = (typeof LABEL_COLOURS)[number];
/** How many labels one task carries at most. */
export const MAX_TASK_LABELS = 10;

export * from "./wire.ts";

/**
 * The header that makes a create-type mutation safe to retry: the same key and input within
 * `IDEMPOTENCY_KEY_TTL_HOURS` return the first result instead of doing the work again.
 */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** How long a key is remembered. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/** The response header set when a result is the first one, replayed. */
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";
/**
 * The create-type mutations that honour an `Idempotency-Key`: the server applies its
 * idempotency policy to exactly these, and the SDK sends each of their calls a key (and retries
 * them). One list, so the two cannot disagree.
 */
export const IDEMPOTENT_MUTATIONS = [
  "org.create",
  "project.create",
  "task.create",
  "comment.create",
  "invitation.create",
  "token.create",
  "attachment.createUpload",
  "project.export",
  "account.exportData",
] as const;
export type IdempotentMutation = (typeof IDEMPOTENT_MUTATIONS)[number];
const idempotentMutations: ReadonlySet<string> = new Set(IDEMPOTENT_MUTATIONS);
/** Whether a procedure (by path) honours an `Idempotency-Key`. */
export function isIdempotentMutation(path: string): path is IdempotentMutation {
  return idempotentMutations.has(path);
}
/** A key: 1–255 visible ASCII characters (a UUID is a good one). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** A project key: 2–10 letters or digits, a letter first (ENG). */
export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;
/** A task key: its project's key, a dash and the task's number (ENG-42); groups: key, number. */
export const TASK_KEY_PATTERN = /^([A-Z][A-Z0-9]{1,9})-(\d{1,9})$/;

/**
 * The codes the API's errors carry (`error.data.code`), by the application's name for each.
 * Clients branch on these, never on message text.
 */
export const APP_ERROR_CODES = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const;

/** Every code a client may see: the application's, and an internal error's (message masked). */
export type ApiErrorCode =
  (typeof APP_ERROR_CODES)[keyof typeof APP_ERROR_CODES] | "INTERNAL_SERVER_ERROR";

/** What a notification tells its recipient: a task assigned to them, an @mention, a comment. */
export const NOTIFICATION_KINDS = ["assigned", "mentioned", "commented"] as const;

/**
 * An @mention in a comment or a task description: `@` and a member's email address
 * (`@ada@example.com`), at the start or after a space or opening punctuation, so a plain email
 * address is not one. Group 1 is the address. Global: use with `matchAll` or a fresh `exec` loop.
 */
export const MENTION_PATTERN =
  /(?<![\w@.+-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** How long a deleted task can be restored; after that a periodic job removes it for good. */
export const TASK_RESTORE_DAYS = 30;

/** How many levels tasks nest: a top-level task, its sub-tasks, theirs, and so on. */
export const MAX_TASK_DEPTH = 4;
/** How many relations (blocks, relates to, duplicate of) one task may have. */
export const MAX_TASK_RELATIONS = 50;

/** How many views one person may save in one organization. */
export const MAX_SAVED_VIEWS = 100;

/** The most tasks one bulk action (`task.bulkUpdate`, `task.bulkDelete`) changes: one transaction. */
export const BULK_TASK_LIMIT = 100;
