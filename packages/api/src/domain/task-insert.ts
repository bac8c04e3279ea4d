import { sql, type Database, type Json, type Kysely } from "@tesseract/db";
import type { StatusCategory } from "@tesseract/validators";
import type { ActivityEntry } from "../activity.ts";
import { AppError } from "../errors.ts";
import { compiledOnce } from "./compiled-query.ts";

/** A new task's row (its number and key are taken by the insert). */
export interface TaskInsert {
  id: string;
  orgId: string;
  projectId: string;
  title: string;
  description: string;
  /** The status by id, or else the first status of a category. */
  status: { id: string } | { category: StatusCategory };
  priority: string;
  assigneeId: string | null;
  dueDate: string | null;
  parentId: string | null;
  /** The activity row's actor, request fields and data (its action is "task.created"; the key is added). */
  activity: Omit<ActivityEntry, "action" | "orgId" | "projectId" | "targetType" | "targetId">;
  data: Record<string, Json>;
}

export interface InsertedTask {
  id: string;
  number: number;
  key: string;
  projectId: string;
  title: string;
  description: string;
  status: string;
  statusId: string;
  statusName: string;
  statusCategory: string;
  priority: string;
  assigneeId: string | null;
  dueDate: string | null;
  parentId: string | null;
  position: string;
  createdAt: Date;
  updatedAt: Date;
}

// create_tasks (migration 2026-11-30-0007): create_task for each element, in one round trip.
// Each takes the project's number (its row stays locked until the transaction ends) and then
// inserts in a statement of its own.
type CreatedRow = InsertedTask & { n: number; refused: string | null };
const createTasksCall = compiledOnce((db, tasks: string) => ({
  compile: () => sql<CreatedRow>`select * from create_tasks(${tasks}::jsonb)`.compile(db),
}));

/**
 * Takes the project's next number for each task in turn and inserts it with its activity row
 * (`data` plus the key) and the creator's watch, in one statement: each one's row, or its
 * refusal — NOT_FOUND for an archived or unknown project, BAD_REQUEST when it has no such
 * status — for which nothing was written and no number used. Outside a transaction the lock
 * is held only until the statement's own commit. A task whose data or references fail (a
 * database error) fails the whole statement.
 */
export async function insertTasks(
  db: Kysely<Database>,
  tasks: readonly TaskInsert[],
): Promise<(InsertedTask | AppError)[]> {
  const rows = await createTasksCall(db, JSON.stringify(tasks.map(createTaskArguments)));
  const results: (InsertedTask | AppError | undefined)[] = tasks.map(() => undefined);
  for (const { n, refused, ...row } of rows)
    results[n] = refused === null ? row : refusal(refused, "id" in tasks[n]!.status);
  return results.map((result) => {
    if (!result) throw new Error("create_tasks gave no answer for a task");
    return result;
  });
}

/** insertTasks for one task: its row, or its refusal thrown. */
export async function insertTask(db: Kysely<Database>, task: TaskInsert): Promise<InsertedTask> {
  const [result] = await insertTasks(db, [task]);
  if (result instanceof AppError) throw result;
  return result!;
}

function refusal(code: string, byStatusId: boolean): AppError {
  if (code === "TK404") return new AppError("NOT_FOUND", "Project not found (or archived)");
  if (code === "TK400")
    return new AppError(
      "BAD_REQUEST",
      byStatusId
        ? "That status is not one of this project's statuses"
        : "This project has no status in that category",
    );
  throw new Error(`create_tasks: unknown refusal ${code}`);
}

/** create_task's arguments by name (without the `p_`), as create_tasks reads them. */
function createTaskArguments(task: TaskInsert) {
  const { activity, status } = task;
  return {
    org_id: task.orgId,
    project_id: task.projectId,
    status_id: "id" in status ? status.id : null,
    category: "category" in status ? status.category : null,
    id: task.id,
    title: task.title,
    description: task.description,
    priority: task.priority,
    assignee_id: task.assigneeId,
    due_date: task.dueDate,
    parent_id: task.parentId,
    actor_user_id: activity.actorUserId ?? null,
    actor_token_id: activity.actorTokenId ?? null,
    data: task.data,
    ip: activity.ip ?? null,
    user_agent: activity.userAgent?.slice(0, 300) ?? null,
  };
}
