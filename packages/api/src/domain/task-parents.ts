import { sql, type Database, type Kysely, type Transaction } from "@tesseract/db";
import { MAX_TASK_DEPTH } from "@tesseract/validators/constants";
import { AppError } from "../errors.ts";
import { selectTasks, toTask, type Task } from "./task-queries.ts";

/**
 * Serialises changes to a project's task tree: two concurrent re-parentings could otherwise
 * each pass the cycle check and together make a loop.
 */
export async function lockTaskTree(trx: Transaction<Database>, projectId: string): Promise<void> {
  await trx.selectFrom("projects").select("id").where("id", "=", projectId).forUpdate().execute();
}

/**
 * Checks that `parentId` may be the parent of a task of `projectId` (`taskId` when the task
 * exists already): a task of the same organization and project, not the task itself nor one of
 * its sub-tasks, and the tree no deeper than MAX_TASK_DEPTH levels. Another organization's
 * task is "not found", like one that does not exist.
 */
export async function assertParent(
  db: Kysely<Database>,
  orgId: string,
  projectId: string,
  parentId: string,
  taskId?: string,
): Promise<void> {
  // The parent and its ancestors, nearest first (bounded: the tree was valid before).
  const { rows: ancestors } = await sql<{ id: string; project_id: string }>`
    with recursive up as (
      select id, parent_id, project_id, 1 as level from tasks where id = ${parentId} and org_id = ${orgId}
        and deleted_at is null
      union all
      select t.id, t.parent_id, t.project_id, up.level + 1 from tasks t join up on t.id = up.parent_id
      where up.level <= ${MAX_TASK_DEPTH}
    )
    select id, project_id from up order by level`.execute(db);
  const parent = ancestors[0];
  if (!parent) throw new AppError("NOT_FOUND", "Parent task not found");
  if (parent.project_id !== projectId)
    throw new AppError("BAD_REQUEST", "A sub-task must be in its parent's project");
  if (taskId && ancestors.some((row) => row.id === taskId))
    throw new AppError("BAD_REQUEST", "A task cannot be a sub-task of itself or of its sub-tasks");
  const height = taskId ? await subtreeHeight(db, taskId) : 1;
  if (ancestors.length + height > MAX_TASK_DEPTH)
    throw new AppError("BAD_REQUEST", `Sub-tasks nest at most ${MAX_TASK_DEPTH} levels deep`);
}

/** Levels in a task's tree, itself included (1: no sub-tasks). */
async function subtreeHeight(db: Kysely<Database>, taskId: string): Promise<number> {
  const { rows } = await sql<{ height: number }>`
    with recursive down as (
      select id, 1 as level from tasks where id = ${taskId}
      union all
      select t.id, down.level + 1 from tasks t join down on t.parent_id = down.id
      where down.level <= ${MAX_TASK_DEPTH}
    )
    select max(level)::int as height from down`.execute(db);
  return rows[0]?.height ?? 1;
}

/** The task and its parent (whose sub-task progress it is part of), for live updates. */
export async function withParent(db: Kysely<Database>, orgId: string, task: Task): Promise<Task[]> {
  if (!task.parentId) return [task];
  const parent = await selectTasks(db)
    .where("t.org_id", "=", orgId)
    .where("t.id", "=", task.parentId)
    .executeTakeFirst();
  return parent ? [task, toTask(parent)] : [task];
}
