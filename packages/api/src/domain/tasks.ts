import type { Database, Json, Kysely, Transaction } from "@tesseract/db";
import type { TaskStatus } from "@tesseract/validators";
import { TASK_KEY_PATTERN } from "@tesseract/validators/constants";
import { recordActivity, type ActivityEntry } from "../activity.ts";
import { AppError } from "../errors.ts";
import type { NotificationSink } from "../notifications/after-commit.ts";
import { listActivity } from "./activity-list.ts";
import { notifyTaskCreated, notifyTaskUpdated } from "./notifications.ts";
import { positionBetween } from "./position.ts";
import { assertParent, lockTaskTree } from "./task-parents.ts";
import { selectTasks, toTask, type Task } from "./task-queries.ts";

export type Actor = Omit<ActivityEntry, "action">;

export interface NewTask {
  projectId: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: string;
  assigneeId: string | null;
  dueDate: string | null;
  labels: string[];
  parentId?: string | null;
}

async function assertAssignable(
  db: Kysely<Database>,
  orgId: string,
  assigneeId: string | null,
): Promise<void> {
  if (!assigneeId) return;
  const member = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("org_id", "=", orgId)
    .where("user_id", "=", assigneeId)
    .executeTakeFirst();
  if (!member)
    throw new AppError("BAD_REQUEST", "The assignee must be a member of this organization");
}

/** The key after the last task of a column (a new or moved-in task goes to the end). */
export async function endOfColumn(
  db: Kysely<Database>,
  projectId: string,
  status: TaskStatus,
  exceptTaskId?: string,
): Promise<string> {
  let query = db
    .selectFrom("tasks")
    .select("position")
    .where("project_id", "=", projectId)
    .where("status", "=", status)
    .orderBy("position", "desc")
    .limit(1);
  if (exceptTaskId) query = query.where("id", "!=", exceptTaskId);
  const last = await query.executeTakeFirst();
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

export async function createTask(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: NewTask,
  notifications: NotificationSink,
): Promise<Task> {
  // Taking the number locks the project row: concurrent creates queue here, numbers never repeat.
  const project = await trx
    .updateTable("projects")
    .set((eb) => ({ next_task_number: eb("next_task_number", "+", 1) }))
    .where("org_id", "=", orgId)
    .where("id", "=", input.projectId)
    .where("archived_at", "is", null)
    .returning(["next_task_number"])
    .executeTakeFirst();
  if (!project) throw new AppError("NOT_FOUND", "Project not found (or archived)");
  await assertAssignable(trx, orgId, input.assigneeId);
  if (input.parentId) await assertParent(trx, orgId, input.projectId, input.parentId);
  const inserted = await trx
    .insertInto("tasks")
    .values({
      org_id: orgId,
      project_id: input.projectId,
      number: project.next_task_number - 1,
      title: input.title,
      description: input.description,
      status: input.status,
      priority: input.priority,
      assignee_id: input.assigneeId,
      due_date: input.dueDate,
      labels: input.labels,
      parent_id: input.parentId ?? null,
      position: await endOfColumn(trx, input.projectId, input.status),
      created_by: actor.actorUserId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const task = await getTask(trx, orgId, inserted.id);
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId: task.projectId,
    action: "task.created",
    targetType: "task",
    targetId: task.id,
    data: { key: task.key, title: task.title, ...(task.parentId && { parentId: task.parentId }) },
  });
  await notifyTaskCreated(trx, notifications, { orgId, actorId: actor.actorUserId ?? null }, task);
  return task;
}

const EDITABLE = {
  title: "title",
  description: "description",
  status: "status",
  priority: "priority",
  assigneeId: "assignee_id",
  dueDate: "due_date",
  labels: "labels",
  parentId: "parent_id",
} as const;
type Editable = keyof typeof EDITABLE;

export async function updateTask(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  taskId: string,
  changes: Partial<Record<Editable, unknown>>,
  notifications: NotificationSink,
): Promise<Task> {
  const before = await getTask(trx, orgId, taskId);
  const set: Record<string, unknown> = {};
  const diff: Record<string, Json> = {};
  for (const [field, column] of Object.entries(EDITABLE) as [Editable, string][]) {
    const next = changes[field];
    if (next === undefined || JSON.stringify(next) === JSON.stringify(before[field])) continue;
    set[column] = next;
    diff[field] = { from: before[field] as Json, to: next as Json };
  }
  if (Object.keys(set).length === 0) return before;
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
  if ("status" in diff)
    set.position = await endOfColumn(trx, before.projectId, changes.status as TaskStatus, taskId);
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

/** Places a task in `status` right after `afterId` (or right before `beforeId`, or at the end). */
export async function moveTask(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { taskId: string; status: TaskStatus; afterId?: string | null; beforeId?: string | null },
): Promise<Task> {
  const task = await getTask(trx, orgId, input.taskId);
  const neighbour = async (id: string) => {
    const row = await trx
      .selectFrom("tasks")
      .select("position")
      .where("id", "=", id)
      .where("org_id", "=", orgId)
      .where("project_id", "=", task.projectId)
      .where("status", "=", input.status)
      .executeTakeFirst();
    if (!row || id === task.id)
      throw new AppError("BAD_REQUEST", "The neighbouring task is not in that column");
    return row.position;
  };
  const column = trx
    .selectFrom("tasks")
    .select("position")
    .where("project_id", "=", task.projectId)
    .where("status", "=", input.status)
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
    position = await endOfColumn(trx, task.projectId, input.status, task.id);
  }
  await trx
    .updateTable("tasks")
    .set({ status: input.status, position, updated_at: new Date() })
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
      ...(task.status !== input.status && {
        changes: { status: { from: task.status, to: input.status } },
      }),
    },
  });
  return getTask(trx, orgId, task.id);
}

/** A task by id or by key (ENG-42); NOT_FOUND when this organization has none. */
export async function getTaskByRef(
  db: Kysely<Database>,
  orgId: string,
  ref: string,
): Promise<Task> {
  const match = TASK_KEY_PATTERN.exec(ref);
  let query = selectTasks(db).where("t.org_id", "=", orgId);
  query = match
    ? query.where("p.key", "=", match[1]!).where("t.number", "=", Number(match[2]))
    : query.where("t.id", "=", ref);
  const row = await query.executeTakeFirst();
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
