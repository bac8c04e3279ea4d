import { randomUUID } from "node:crypto";
import type { Database, Json, Kysely, Transaction } from "@tesseract/db";
import type { StatusCategory, TaskPriority, TaskStatus } from "@tesseract/validators";
import { TASK_KEY_PATTERN } from "@tesseract/validators/constants";
import { recordActivity, type ActivityEntry } from "../activity.ts";
import { AppError } from "../errors.ts";
import type { NotificationSink } from "../notifications/after-commit.ts";
import { listActivity } from "./activity-list.ts";
import { sameLabels, setTaskLabels } from "./labels.ts";
import { mentionedEmails } from "./mentions.ts";
import { notifyTaskCreated, notifyTaskUpdated } from "./notifications.ts";
import { positionBetween } from "./position.ts";
import { lockColumnsOfTask } from "./column-lock.ts";
import { compiledOnce } from "./compiled-query.ts";
import { assertParent, lockTaskTree } from "./task-parents.ts";
import { categoryOfStatus, resolveStatus } from "./statuses.ts";
import { taskIdByOldKey } from "./task-keys.ts";
import { insertTask, type InsertedTask, type TaskInsert } from "./task-insert.ts";
import { insertTaskQueued } from "./task-insert-batch.ts";
import { selectTasks, toTask, type Task } from "./task-queries.ts";

export type Actor = Omit<ActivityEntry, "action">;

export interface NewTask {
  projectId: string;
  title: string;
  description: string;
  status: TaskStatus;
  /** Wins over `status` (a category: its first status). */
  statusId?: string | undefined;
  priority: string;
  assigneeId: string | null;
  dueDate: string | null;
  labelIds: string[];
  parentId?: string | null;
}

/** The assignee's name (null without one); BAD_REQUEST unless they are a member. */
async function assignableName(
  db: Kysely<Database>,
  orgId: string,
  assigneeId: string | null,
): Promise<string | null> {
  if (!assigneeId) return null;
  const member = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("u.name")
    .where("m.org_id", "=", orgId)
    .where("m.user_id", "=", assigneeId)
    .executeTakeFirst();
  if (!member)
    throw new AppError("BAD_REQUEST", "The assignee must be a member of this organization");
  return member.name;
}

async function assertAssignable(
  db: Kysely<Database>,
  orgId: string,
  assigneeId: string | null,
): Promise<void> {
  await assignableName(db, orgId, assigneeId);
}

// The end of a column for moves, edits and bulk changes (a create computes its own in SQL,
// task-insert.ts): compiled once.
const lastInColumn = compiledOnce((db, statusId: string) =>
  db
    .selectFrom("tasks")
    .select("position")
    .where("status_id", "=", statusId)
    .orderBy("position", "desc")
    .limit(1),
);
const lastInColumnExcept = compiledOnce((db, statusId: string, exceptTaskId: string) =>
  db
    .selectFrom("tasks")
    .select("position")
    .where("status_id", "=", statusId)
    .where("id", "!=", exceptTaskId)
    .orderBy("position", "desc")
    .limit(1),
);
const lockOpenProject = compiledOnce((db, orgId: string, projectId: string) =>
  db
    .selectFrom("projects")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", projectId)
    .where("archived_at", "is", null)
    .forUpdate(),
);

/**
 * The key after the last task of a column (a status: a new or moved-in task goes to the end).
 * Read under the project's board lock (column-lock.ts), or a create may take the same key.
 */
export async function endOfColumn(
  trx: Transaction<Database>,
  statusId: string,
  exceptTaskId?: string,
): Promise<string> {
  const [last] = exceptTaskId
    ? await lastInColumnExcept(trx, statusId, exceptTaskId)
    : await lastInColumn(trx, statusId);
  return positionBetween(last?.position ?? null, null);
}

/** A task by id; NOT_FOUND when this organization has none. */
export async function getTask(db: Kysely<Database>, orgId: string, taskId: string): Promise<Task> {
  const row = await selectTasks(db)
    .where("t.org_id", "=", orgId)
    .where("t.id", "=", taskId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Task not found");
  return toTask(row);
}

/**
 * Whether a create writes nothing but the task, its activity row and the creator's watch: no
 * assignee to check or notify, no labels, no parent, no @mention. Such a create is a single
 * statement (createTaskAlone), committed on its own.
 */
export function createsAlone(input: NewTask): boolean {
  return (
    !input.assigneeId &&
    input.labelIds.length === 0 &&
    !input.parentId &&
    mentionedEmails(input.description).length === 0
  );
}

/**
 * A create that `createsAlone` accepts, as one statement outside any transaction: the
 * project's number lock is held from that statement's start to its own commit, with no round
 * trip to the client in between. Creates in the same project that arrive meanwhile share the
 * next statement (task-insert-batch.ts).
 */
export function createTaskAlone(
  db: Kysely<Database>,
  orgId: string,
  actor: Actor,
  input: NewTask,
): Promise<Task> {
  if (!createsAlone(input)) throw new Error("createTaskAlone: this create needs a transaction");
  return insertNewTask(db, orgId, actor, input, null, insertTaskQueued);
}

export async function createTask(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: NewTask,
  notifications: NotificationSink,
): Promise<Task> {
  // Checked before the project is locked: from then on every concurrent create in the project
  // waits for this transaction to end (fewer statements under the lock).
  const assigneeName = await assignableName(trx, orgId, input.assigneeId);
  if (input.parentId) {
    // Under the lock, as a parent change (lockTaskTree) is: the tree cannot change meanwhile.
    const [open] = await lockOpenProject(trx, orgId, input.projectId);
    if (!open) throw new AppError("NOT_FOUND", "Project not found (or archived)");
    await assertParent(trx, orgId, input.projectId, input.parentId);
  }
  const created = await insertNewTask(trx, orgId, actor, input, assigneeName);
  const task =
    input.labelIds.length > 0
      ? { ...created, labels: await setTaskLabels(trx, orgId, created.id, input.labelIds) }
      : created;
  await notifyTaskCreated(trx, notifications, { orgId, actorId: actor.actorUserId ?? null }, task);
  return task;
}

/**
 * Takes the project's number and inserts the task (create_task: one statement, which locks
 * the project's row until the transaction ends; concurrent creates queue there, and numbers
 * never repeat nor skip).
 */
async function insertNewTask(
  db: Kysely<Database>,
  orgId: string,
  actor: Actor,
  input: NewTask,
  assigneeName: string | null,
  insert: (db: Kysely<Database>, task: TaskInsert) => Promise<InsertedTask> = insertTask,
): Promise<Task> {
  const parentId = input.parentId ?? null;
  const row = await insert(db, {
    id: randomUUID(),
    orgId,
    projectId: input.projectId,
    title: input.title,
    description: input.description,
    status: input.statusId
      ? { id: input.statusId }
      : { category: categoryOfStatus[input.status ?? "backlog"] },
    priority: input.priority,
    assigneeId: input.assigneeId,
    dueDate: input.dueDate,
    parentId,
    activity: actor,
    data: { title: input.title, ...(parentId && { parentId }) },
  });
  return {
    ...row,
    labels: [],
    assigneeName,
    status: row.status as TaskStatus,
    statusCategory: row.statusCategory as StatusCategory,
    priority: row.priority as TaskPriority,
    subtasks: { total: 0, done: 0 },
    blockedBy: 0,
  };
}

const EDITABLE = {
  title: "title",
  description: "description",
  statusId: "status_id",
  priority: "priority",
  assigneeId: "assignee_id",
  dueDate: "due_date",
  parentId: "parent_id",
} as const;
type Editable = keyof typeof EDITABLE;

/**
 * Refuses a change made from an older description. The row stays locked until the transaction
 * ends, so no other edit can slip in between this check and the update.
 */
async function assertDescription(
  trx: Transaction<Database>,
  orgId: string,
  taskId: string,
  expected: string,
): Promise<void> {
  const row = await trx
    .selectFrom("tasks")
    .select("description")
    .where("id", "=", taskId)
    .where("org_id", "=", orgId)
    .where("deleted_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Task not found");
  if (row.description !== expected)
    throw new AppError(
      "CONFLICT",
      "Someone else changed this description meanwhile; nothing was saved. Reload to see their version, then make your change again.",
    );
}

export async function updateTask(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  taskId: string,
  {
    status,
    descriptionBefore,
    ...changes
  }: Partial<Record<Editable | "status", unknown>> & {
    labelIds?: readonly string[] | undefined;
    descriptionBefore?: string | undefined;
  },
  notifications: NotificationSink,
): Promise<Task> {
  // A new status puts the task at the end of its column, under the project's board lock; a new
  // parent locks the project's row too (lockTaskTree). Either is taken before the task's own
  // row (assertDescription, a bulk change's lockTasks), as creates and moves take them.
  if (changes.statusId !== undefined || status !== undefined || changes.parentId !== undefined)
    await lockColumnsOfTask(trx, orgId, taskId);
  if (descriptionBefore !== undefined)
    await assertDescription(trx, orgId, taskId, descriptionBefore);
  const before = await getTask(trx, orgId, taskId);
  const labelIds = changes.labelIds;
  const relabel = labelIds !== undefined && !sameLabels(before.labels, labelIds);
  // A status by id, or a category (its first status) for the callers that name one.
  let statusName: string | undefined;
  // A category the task is already in keeps its status (In Review stays, though In Progress is first).
  if (changes.statusId !== undefined || (status !== undefined && status !== before.status)) {
    const next = await resolveStatus(trx, orgId, before.projectId, {
      statusId: changes.statusId as string | undefined,
      status: status as TaskStatus | undefined,
    });
    changes.statusId = next.id;
    statusName = next.name;
  }
  const set: Record<string, unknown> = {};
  const diff: Record<string, Json> = {};
  for (const [field, column] of Object.entries(EDITABLE) as [Editable, string][]) {
    const next = changes[field];
    if (next === undefined || JSON.stringify(next) === JSON.stringify(before[field])) continue;
    set[column] = next;
    diff[field] = { from: before[field] as Json, to: next as Json };
  }
  if (Object.keys(set).length === 0 && !relabel) return before;
  if (relabel) {
    const labels = await setTaskLabels(trx, orgId, taskId, labelIds);
    // The history names labels as people read them (a later rename leaves it as it was).
    diff.labels = {
      from: before.labels.map((label) => label.name),
      to: labels.map((label) => label.name),
    };
  }
  if ("assigneeId" in diff) await assertAssignable(trx, orgId, changes.assigneeId as string | null);
  if ("parentId" in diff) {
    const parentId = changes.parentId as string | null;
    if (parentId) {
      await lockTaskTree(trx, before.projectId);
      await assertParent(trx, orgId, before.projectId, parentId, taskId);
    }
    // The history names parents by key (ENG-7), as people know them.
    const keyOf = async (id: string | null) => (id ? (await getTask(trx, orgId, id)).key : null);
    diff.parentId = { from: await keyOf(before.parentId), to: await keyOf(parentId) };
  }
  if ("statusId" in diff) {
    set.position = await endOfColumn(trx, changes.statusId as string, taskId);
    // The history names statuses, as people know them.
    delete diff.statusId;
    diff.status = { from: before.statusName, to: statusName ?? null };
  }
  await trx
    .updateTable("tasks")
    .set({ ...set, updated_at: new Date() })
    .where("id", "=", taskId)
    .where("org_id", "=", orgId)
    .execute();
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId: before.projectId,
    action: "task.updated",
    targetType: "task",
    targetId: taskId,
    data: { key: before.key, changes: diff },
  });
  const after = await getTask(trx, orgId, taskId);
  const cause = { orgId, actorId: actor.actorUserId ?? null };
  await notifyTaskUpdated(trx, notifications, cause, before, after);
  return after;
}

/**
 * Places a task in the column `statusId` (or the first of the category `status`) right after
 * `afterId` (or right before `beforeId`, or at the end).
 */
export async function moveTask(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: {
    taskId: string;
    statusId?: string | undefined;
    status?: TaskStatus | undefined;
    afterId?: string | null | undefined;
    beforeId?: string | null | undefined;
  },
): Promise<Task> {
  if (!input.statusId && !input.status)
    throw new AppError("BAD_REQUEST", "Choose the status to move the task to");
  // Every key below is read and written under the board lock, so no create or other move
  // computes the same one meanwhile.
  await lockColumnsOfTask(trx, orgId, input.taskId);
  const task = await getTask(trx, orgId, input.taskId);
  const status = await resolveStatus(trx, orgId, task.projectId, input);
  const neighbour = async (id: string) => {
    const row = await trx
      .selectFrom("tasks")
      .select("position")
      .where("id", "=", id)
      .where("org_id", "=", orgId)
      .where("project_id", "=", task.projectId)
      .where("status_id", "=", status.id)
      .executeTakeFirst();
    if (!row || id === task.id)
      throw new AppError("BAD_REQUEST", "The neighbouring task is not in that column");
    return row.position;
  };
  const column = trx
    .selectFrom("tasks")
    .select("position")
    .where("status_id", "=", status.id)
    .where("id", "!=", task.id);
  let position: string;
  if (input.afterId) {
    const after = await neighbour(input.afterId);
    const next = await column
      .where("position", ">", after)
      .orderBy("position")
      .limit(1)
      .executeTakeFirst();
    position = positionBetween(after, next?.position ?? null);
  } else if (input.beforeId) {
    const before = await neighbour(input.beforeId);
    const previous = await column
      .where("position", "<", before)
      .orderBy("position", "desc")
      .limit(1)
      .executeTakeFirst();
    position = positionBetween(previous?.position ?? null, before);
  } else {
    position = await endOfColumn(trx, status.id, task.id);
  }
  await trx
    .updateTable("tasks")
    .set({ status_id: status.id, position, updated_at: new Date() })
    .where("id", "=", task.id)
    .execute();
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId: task.projectId,
    action: "task.moved",
    targetType: "task",
    targetId: task.id,
    data: {
      key: task.key,
      ...(task.statusId !== status.id && {
        changes: { status: { from: task.statusName, to: status.name } },
      }),
    },
  });
  return getTask(trx, orgId, task.id);
}

/**
 * A task by id or by key (ENG-42), or by a key it had before it moved to another project (the
 * answer carries its current key); NOT_FOUND when this organization has none. A current key wins
 * over an alias, so a key held by one task and once held by another names the one holding it.
 */
export async function getTaskByRef(
  db: Kysely<Database>,
  orgId: string,
  ref: string,
): Promise<Task> {
  const match = TASK_KEY_PATTERN.exec(ref);
  const query = selectTasks(db).where("t.org_id", "=", orgId);
  let row = await (
    match
      ? query.where("p.key", "=", match[1]!).where("t.number", "=", Number(match[2]))
      : query.where("t.id", "=", ref)
  ).executeTakeFirst();
  if (!row && match) {
    const aliasOf = await taskIdByOldKey(db, orgId, ref);
    if (aliasOf) row = await query.where("t.id", "=", aliasOf).executeTakeFirst();
  }
  if (!row) throw new AppError("NOT_FOUND", "Task not found");
  return toTask(row);
}

/** One page of a task's history, for everyone who can read the task; NOT_FOUND without it. */
export async function listTaskActivity(
  db: Kysely<Database>,
  orgId: string,
  input: { taskId: string; cursor?: number | null; limit: number },
) {
  await getTask(db, orgId, input.taskId);
  return listActivity(db, orgId, {
    cursor: input.cursor,
    limit: input.limit,
    taskId: input.taskId,
  });
}
