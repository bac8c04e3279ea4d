import type { Database, Transaction } from "@tesseract/db";
import type { TaskStatus } from "@tesseract/validators";
import { MAX_TASK_LABELS } from "@tesseract/validators/constants";
import { recordActivity } from "../activity.ts";
import { AppError } from "../errors.ts";
import type { NotificationSink } from "../notifications/after-commit.ts";
import { lockColumnsOfTasks } from "./column-lock.ts";
import { assertLabels } from "./labels.ts";
import { resolveStatus } from "./statuses.ts";
import { rememberOldKey } from "./task-keys.ts";
import type { Task } from "./task-queries.ts";
import { deleteTask, restoreTask } from "./task-trash.ts";
import { endOfColumn, getTask, updateTask, type Actor } from "./tasks.ts";

export interface BulkTaskChanges {
  status?: TaskStatus;
  /** A status of the tasks' project (after a move, of the project they move to). */
  statusId?: string;
  assigneeId?: string | null;
  addLabelId?: string;
  removeLabelId?: string;
  projectId?: string;
}

/**
 * Locks the projects of the listed tasks (and `projectId`, where they move) in id order, then
 * every listed task of the organization, in id order: the order creates and moves take theirs,
 * so two writers over overlapping tasks or projects queue instead of deadlocking. One task
 * missing or in another organization refuses the whole action: it changes all of them or none.
 */
async function lockTasks(
  trx: Transaction<Database>,
  orgId: string,
  taskIds: readonly string[],
  projectId?: string,
): Promise<string[]> {
  await lockColumnsOfTasks(trx, orgId, taskIds, projectId);
  const rows = await trx
    .selectFrom("tasks")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "in", taskIds)
    .where("deleted_at", "is", null)
    .orderBy("id")
    .forUpdate()
    .execute();
  if (rows.length !== taskIds.length) {
    const missing = taskIds.length - rows.length;
    throw new AppError(
      "NOT_FOUND",
      `${missing} of the selected tasks ${missing === 1 ? "was" : "were"} not found; nothing was changed`,
    );
  }
  return taskIds.slice();
}

/** The project a status of this organization belongs to; BAD_REQUEST when it has none such. */
async function projectOfStatus(
  trx: Transaction<Database>,
  orgId: string,
  statusId: string,
): Promise<string> {
  const row = await trx
    .selectFrom("project_statuses")
    .select("project_id")
    .where("org_id", "=", orgId)
    .where("id", "=", statusId)
    .executeTakeFirst();
  if (!row) throw new AppError("BAD_REQUEST", "Unknown status; nothing was changed");
  return row.project_id;
}

/**
 * Moves a task to another project of the organization: it takes that project's next number, and
 * its old key stays an alias of it.
 */
async function moveToProject(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  task: Task,
  projectId: string,
): Promise<void> {
  if (task.projectId === projectId) return;
  const project = await trx
    .updateTable("projects")
    .set((eb) => ({ next_task_number: eb("next_task_number", "+", 1) }))
    .where("org_id", "=", orgId)
    .where("id", "=", projectId)
    .where("archived_at", "is", null)
    .returning(["next_task_number", "key"])
    .executeTakeFirst();
  if (!project) throw new AppError("NOT_FOUND", "Project not found (or archived)");
  const key = `${project.key}-${project.next_task_number - 1}`;
  // The first status of the same category there.
  const status = await resolveStatus(trx, orgId, projectId, { status: task.status });
  await trx
    .updateTable("tasks")
    .set({
      project_id: projectId,
      number: project.next_task_number - 1,
      status_id: status.id,
      position: await endOfColumn(trx, status.id),
      updated_at: new Date(),
    })
    .where("id", "=", task.id)
    .where("org_id", "=", orgId)
    .execute();
  await rememberOldKey(trx, orgId, task.id, task.key);
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId,
    action: "task.updated",
    targetType: "task",
    targetId: task.id,
    data: { key, title: task.title, changes: { key: { from: task.key, to: key } } },
  });
}

/** Applies one change to every listed task in one transaction, or none when one cannot take it. */
export async function bulkUpdateTasks(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  taskIds: readonly string[],
  changes: BulkTaskChanges,
  notifications: NotificationSink,
): Promise<Task[]> {
  const updated: Task[] = [];
  const named = [changes.addLabelId, changes.removeLabelId].filter((id) => id !== undefined);
  await assertLabels(trx, orgId, named);
  const statusProject = changes.statusId
    ? await projectOfStatus(trx, orgId, changes.statusId)
    : undefined;
  for (const taskId of await lockTasks(trx, orgId, taskIds, changes.projectId)) {
    const before = await getTask(trx, orgId, taskId);
    if (statusProject && (changes.projectId ?? before.projectId) !== statusProject)
      throw new AppError(
        "BAD_REQUEST",
        `${before.key} is in another project than that status; nothing was changed`,
      );
    if (changes.projectId) await moveToProject(trx, orgId, actor, before, changes.projectId);
    const ids = before.labels.map((label) => label.id);
    let labelIds = ids;
    if (changes.addLabelId && !ids.includes(changes.addLabelId)) {
      if (ids.length >= MAX_TASK_LABELS)
        throw new AppError(
          "BAD_REQUEST",
          `${before.key} already has ${MAX_TASK_LABELS} labels; nothing was changed`,
        );
      labelIds = [...labelIds, changes.addLabelId];
    }
    if (changes.removeLabelId) labelIds = labelIds.filter((id) => id !== changes.removeLabelId);
    const fields = {
      status: changes.status,
      // Another project's status is refused (BAD_REQUEST) and rolls the whole action back.
      statusId: changes.statusId,
      assigneeId: changes.assigneeId,
      ...(labelIds !== ids && { labelIds }),
    };
    updated.push(await updateTask(trx, orgId, actor, taskId, fields, notifications));
  }
  return updated;
}

/** Deletes every listed task (or none), undoably (see `deleteTask`). */
export async function bulkDeleteTasks(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  taskIds: readonly string[],
  now: Date,
): Promise<Task[]> {
  const tasks: Task[] = [];
  for (const taskId of await lockTasks(trx, orgId, taskIds))
    tasks.push(await deleteTask(trx, orgId, actor, taskId, now));
  return tasks;
}

/** Restores every listed task (or none, when one cannot be), in id order as locks are taken. */
export async function bulkRestoreTasks(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  taskIds: readonly string[],
  now: Date,
): Promise<{ task: Task; restored: boolean }[]> {
  const results = [];
  // The projects first, as every writer of tasks takes them (restoreTask locks each row).
  await lockColumnsOfTasks(trx, orgId, taskIds);
  for (const taskId of [...taskIds].sort())
    results.push(await restoreTask(trx, orgId, actor, taskId, now));
  return results;
}
