import { sql, type Database, type Transaction } from "@tesseract/db";
import { TASK_RESTORE_DAYS } from "@tesseract/validators/constants";
import { recordActivity } from "../activity.ts";
import { AppError } from "../errors.ts";
import { attachmentKeysUnder } from "./attachments.ts";
import type { Task } from "./task-queries.ts";
import { getTask, type Actor } from "./tasks.ts";

/**
 * A delete is undoable: the task is marked deleted (every read leaves it out) and keeps its
 * comments, attachments, relations, watchers and position until it is restored or, after
 * TASK_RESTORE_DAYS, purged for good with its files. Board positions are computed over deleted
 * rows too, so the place a deleted task held is never handed to another one meanwhile.
 */
const RESTORE_WINDOW_MS = TASK_RESTORE_DAYS * 24 * 60 * 60_000;

/**
 * Marks a task deleted. Its sub-tasks become top-level tasks (as before a delete could be
 * undone); the task remembers them so a restore takes them back.
 */
export async function deleteTask(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  taskId: string,
  now: Date,
): Promise<Task> {
  const task = await getTask(trx, orgId, taskId);
  const children = await trx
    .updateTable("tasks")
    .set({ parent_id: null })
    .where("org_id", "=", orgId)
    .where("parent_id", "=", taskId)
    .returning("id")
    .execute();
  await trx
    .updateTable("tasks")
    .set({
      deleted_at: now,
      deleted_by: actor.actorUserId ?? null,
      deleted_children: children.map((child) => child.id),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", taskId)
    .execute();
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId: task.projectId,
    action: "task.deleted",
    targetType: "task",
    targetId: taskId,
    data: { key: task.key, title: task.title },
  });
  return task;
}

/**
 * Brings back a task deleted less than TASK_RESTORE_DAYS ago, where it was. Restoring a task
 * that is not deleted changes nothing (an Undo clicked twice). Its parent comes back with it
 * unless that was deleted too; its sub-tasks come back unless they moved on meanwhile.
 */
export async function restoreTask(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  taskId: string,
  now: Date,
): Promise<{ task: Task; restored: boolean }> {
  const row = await trx
    .selectFrom("tasks")
    .select(["id", "project_id", "parent_id", "deleted_at", "deleted_children"])
    .where("org_id", "=", orgId)
    .where("id", "=", taskId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Task not found");
  if (!row.deleted_at) return { task: await getTask(trx, orgId, taskId), restored: false };
  if (now.getTime() - row.deleted_at.getTime() > RESTORE_WINDOW_MS)
    throw new AppError(
      "BAD_REQUEST",
      `This task was deleted more than ${TASK_RESTORE_DAYS} days ago and can no longer be restored`,
    );
  const parentIsLive =
    row.parent_id !== null &&
    (await trx
      .selectFrom("tasks")
      .select("id")
      .where("id", "=", row.parent_id)
      .where("deleted_at", "is", null)
      .executeTakeFirst()) !== undefined;
  await trx
    .updateTable("tasks")
    .set({
      deleted_at: null,
      deleted_by: null,
      deleted_children: sql<string[]>`'{}'`,
      parent_id: parentIsLive ? row.parent_id : null,
      updated_at: now,
    })
    .where("id", "=", taskId)
    .execute();
  if (row.deleted_children.length > 0)
    await trx
      .updateTable("tasks")
      .set({ parent_id: taskId })
      .where("org_id", "=", orgId)
      .where("project_id", "=", row.project_id)
      .where("id", "in", row.deleted_children)
      .where("parent_id", "is", null)
      .where("deleted_at", "is", null)
      .execute();
  const task = await getTask(trx, orgId, taskId);
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId: task.projectId,
    action: "task.restored",
    targetType: "task",
    targetId: taskId,
    data: { key: task.key, title: task.title },
  });
  return { task, restored: true };
}

/**
 * Deletes for good, in `trx`, up to `limit` tasks deleted before `olderThan`; answers how many
 * and the storage keys of their files (removed by the caller once `trx` has committed). Rows are
 * claimed with SKIP LOCKED, so two runs at once share the work.
 */
export async function claimDeletedTasks(
  trx: Transaction<Database>,
  options: { olderThan: Date; limit: number },
): Promise<{ count: number; keys: string[] }> {
  const rows = await trx
    .selectFrom("tasks")
    .select(["id", "org_id"])
    .where("deleted_at", "<", options.olderThan)
    .orderBy("deleted_at")
    .limit(options.limit)
    .forUpdate()
    .skipLocked()
    .execute();
  const keys: string[] = [];
  for (const row of rows)
    keys.push(...(await attachmentKeysUnder(trx, row.org_id, { taskId: row.id })));
  if (rows.length > 0)
    await trx
      .deleteFrom("tasks")
      .where(
        "id",
        "in",
        rows.map((row) => row.id),
      )
      .execute();
  return { count: rows.length, keys };
}

/** When a task deleted now stops being restorable (the purge horizon). */
export function restoreHorizon(now: Date): Date {
  return new Date(now.getTime() - RESTORE_WINDOW_MS);
}
