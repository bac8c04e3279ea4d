import type { Database, Kysely, Transaction } from "@tesseract/db";
import { getTask } from "./tasks.ts";

/**
 * Who follows a task: its creator and its assignee without asking, anyone who commented or
 * chose to watch it — unless they chose to stop (a `task_watchers` row with `watching` false).
 * Only current members of the organization count: someone who left is told nothing more.
 */
export async function followersOf(
  db: Kysely<Database>,
  orgId: string,
  taskId: string,
): Promise<string[]> {
  const [task, rows] = await Promise.all([
    db
      .selectFrom("tasks")
      .select(["created_by", "assignee_id"])
      .where("org_id", "=", orgId)
      .where("id", "=", taskId)
      .where("deleted_at", "is", null)
      .executeTakeFirst(),
    db
      .selectFrom("task_watchers")
      .select(["user_id", "watching"])
      .where("task_id", "=", taskId)
      .execute(),
  ]);
  if (!task) return [];
  const people = new Set<string>();
  for (const id of [task.created_by, task.assignee_id]) if (id) people.add(id);
  for (const row of rows) {
    if (row.watching) people.add(row.user_id);
    else people.delete(row.user_id);
  }
  if (people.size === 0) return [];
  const members = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("org_id", "=", orgId)
    .where("user_id", "in", [...people])
    .execute();
  return members.map((m) => m.user_id);
}

/** The row that makes someone a watcher (inserted unless they already chose, see autoWatch). */
export const watchRow = (orgId: string, taskId: string, userId: string) => ({
  org_id: orgId,
  task_id: taskId,
  user_id: userId,
  watching: true,
});

/** Makes someone a watcher unless they already chose (to watch or to stop watching). */
export async function autoWatch(
  trx: Transaction<Database>,
  orgId: string,
  taskId: string,
  userId: string,
): Promise<void> {
  await trx
    .insertInto("task_watchers")
    .values(watchRow(orgId, taskId, userId))
    .onConflict((oc) => oc.columns(["task_id", "user_id"]).doNothing())
    .execute();
}

/** Whether the person follows the task (see `followersOf`); NOT_FOUND for another org's task. */
export async function watchStatus(
  db: Kysely<Database>,
  orgId: string,
  taskId: string,
  userId: string,
): Promise<{ watching: boolean }> {
  const task = await getTask(db, orgId, taskId);
  const row = await db
    .selectFrom("task_watchers")
    .select("watching")
    .where("task_id", "=", task.id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (row) return { watching: row.watching };
  const createdBy = await db
    .selectFrom("tasks")
    .select("created_by")
    .where("id", "=", task.id)
    .executeTakeFirstOrThrow();
  return { watching: createdBy.created_by === userId || task.assigneeId === userId };
}

/** Watch (or stop watching) a task: an explicit choice, kept over automatic watching. */
export async function setWatching(
  db: Kysely<Database>,
  orgId: string,
  taskId: string,
  userId: string,
  watching: boolean,
): Promise<{ watching: boolean }> {
  const task = await getTask(db, orgId, taskId);
  await db
    .insertInto("task_watchers")
    .values({ org_id: orgId, task_id: task.id, user_id: userId, watching })
    .onConflict((oc) => oc.columns(["task_id", "user_id"]).doUpdateSet({ watching }))
    .execute();
  return { watching };
}
