import { sql, type Database, type Transaction } from "@tesseract/db";
import { AppError } from "../errors.ts";

// A board position is computed from the column it goes into (after its last task, or between
// two neighbours), so two writers that read the same column at once compute the same key and
// leave their order undefined. A create appends under its project's row lock: create_task
// takes the project's number with an UPDATE of that row, held until its transaction ends, and
// reads the column's end after it. Every other writer of a position (a move, a status change,
// a bulk change) takes the same row lock before it reads the column, so each one reads a
// column that holds the others' committed positions.
//
// The lock is FOR NO KEY UPDATE, the mode that UPDATE takes: it queues behind a create and
// behind another position writer, and lets foreign-key checks on the project (inserts of its
// tasks elsewhere) through. It is taken before any task row of the transaction, the order in
// which creates and status deletions (lockWorkflow) take theirs, so none of them deadlock.
// Every bulk change takes them too, even one that only relabels or deletes: it locks task
// rows, and a transaction holding a task row must never wait for a project's lock after it.

// A task changes project only under its old project's lock (a bulk move takes it), so once a
// writer holds the locks of the projects its tasks are in, they stay there. But a task may move
// between the statement that reads its project and the lock taken on that project: after the
// locks, the tasks are read again, and when one has left, the locks are given back (a rollback
// to the savepoint before them) and taken anew, again in id order. Adding the new project's lock
// after the others instead could take two projects out of order, which is how deadlocks start.

/** How often the locks are taken anew while the tasks keep moving to other projects. */
const LOCK_ATTEMPTS = 5;

/** Takes the board lock of the task's project (none when the organization has no such task). */
export function lockColumnsOfTask(
  trx: Transaction<Database>,
  orgId: string,
  taskId: string,
): Promise<void> {
  return lockColumnsOfTasks(trx, orgId, [taskId]);
}

/**
 * Takes the board locks of the listed tasks' projects and of `projectId` (when given), in id
 * order: two bulk changes over overlapping projects queue instead of deadlocking. Call it
 * before locking any task row, and it answers with every listed task in a locked project.
 */
export async function lockColumnsOfTasks(
  trx: Transaction<Database>,
  orgId: string,
  taskIds: readonly string[],
  projectId?: string,
): Promise<void> {
  await sql`savepoint column_locks`.execute(trx);
  for (let attempt = 1; ; attempt++) {
    const locked = await lockProjects(trx, orgId, taskIds, projectId);
    if (!(await anyTaskOutside(trx, orgId, taskIds, locked))) break;
    if (attempt === LOCK_ATTEMPTS)
      throw new AppError(
        "CONFLICT",
        "These tasks were moved to another project at the same time; try again",
      );
    await sql`rollback to savepoint column_locks`.execute(trx);
  }
  await sql`release savepoint column_locks`.execute(trx);
}

async function lockProjects(
  trx: Transaction<Database>,
  orgId: string,
  taskIds: readonly string[],
  projectId: string | undefined,
): Promise<string[]> {
  const rows = await trx
    .selectFrom("projects")
    .select("id")
    .where("org_id", "=", orgId)
    .where((eb) =>
      eb.or([
        eb(
          "id",
          "in",
          eb
            .selectFrom("tasks")
            .select("project_id")
            .where("org_id", "=", orgId)
            .where("id", "in", taskIds),
        ),
        ...(projectId ? [eb("id", "=", projectId)] : []),
      ]),
    )
    .orderBy("id")
    .forNoKeyUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/** Whether one of the tasks is, as committed now, in none of the `locked` projects. */
async function anyTaskOutside(
  trx: Transaction<Database>,
  orgId: string,
  taskIds: readonly string[],
  locked: readonly string[],
): Promise<boolean> {
  // No project locked: none of the tasks was found, and none can be outside.
  if (locked.length === 0) return false;
  const outside = await trx
    .selectFrom("tasks")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "in", taskIds)
    .where("project_id", "not in", locked)
    .limit(1)
    .executeTakeFirst();
  return outside !== undefined;
}
