import type { Database, Transaction } from "@tesseract/db";
import { compiledOnce } from "./compiled-query.ts";

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

const lockProjectOfTask = compiledOnce((db, orgId: string, taskId: string) =>
  db
    .selectFrom("projects")
    .select("id")
    .where("id", "=", (eb) =>
      eb
        .selectFrom("tasks")
        .select("project_id")
        .where("org_id", "=", orgId)
        .where("id", "=", taskId),
    )
    .forNoKeyUpdate(),
);

/** Takes the board lock of the task's project (none when the organization has no such task). */
export async function lockColumnsOfTask(
  trx: Transaction<Database>,
  orgId: string,
  taskId: string,
): Promise<void> {
  await lockProjectOfTask(trx, orgId, taskId);
}

/**
 * Takes the board locks of the listed tasks' projects and of `projectId` (when given), in id
 * order: two bulk changes over overlapping projects queue instead of deadlocking.
 */
export async function lockColumnsOfTasks(
  trx: Transaction<Database>,
  orgId: string,
  taskIds: readonly string[],
  projectId?: string,
): Promise<void> {
  await trx
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
}
