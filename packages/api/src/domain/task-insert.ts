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

// create_task (migration 2026-11-30-0007) takes the number and then inserts, in one round trip:
// the project's row is locked from its first statement to the transaction's end.
const createTaskCall = compiledOnce(
  (
    db,
    orgId: string,
    projectId: string,
    statusId: string | null,
    category: string | null,
    id: string,
    title: string,
    description: string,
    priority: string,
    assigneeId: string | null,
    dueDate: string | null,
    parentId: string | null,
    actorUserId: string | null,
    actorTokenId: string | null,
    data: string,
    ip: string | null,
    userAgent: string | null,
  ) => ({
    compile: () =>
      sql<InsertedTask>`select * from create_task(${orgId}::uuid, ${projectId}::uuid,
        ${statusId}::uuid, ${category}::text, ${id}::uuid, ${title}::text, ${description}::text,
        ${priority}::text, ${assigneeId}::uuid, ${dueDate}::date, ${parentId}::uuid,
        ${actorUserId}::uuid, ${actorTokenId}::uuid, ${data}::jsonb, ${ip}::text,
        ${userAgent}::text)`.compile(db),
  }),
);

/**
 * Takes the project's next number and inserts the task, its activity row (`data` plus the
 * key) and the creator's watch, in one statement. NOT_FOUND for an archived or unknown
 * project, BAD_REQUEST when it has no such status: either way nothing was written and no
 * number was used. Outside a transaction the lock is held only until the statement's commit.
 */
export async function insertTask(db: Kysely<Database>, task: TaskInsert): Promise<InsertedTask> {
  const { activity } = task;
  const { status } = task;
  const byId = "id" in status;
  try {
    const [row] = await createTaskCall(
      db,
      task.orgId,
      task.projectId,
      "id" in status ? status.id : null,
      "category" in status ? status.category : null,
      task.id,
      task.title,
      task.description,
      task.priority,
      task.assigneeId,
      task.dueDate,
      task.parentId,
      activity.actorUserId ?? null,
      activity.actorTokenId ?? null,
      JSON.stringify(task.data),
      activity.ip ?? null,
      activity.userAgent?.slice(0, 300) ?? null,
    );
    return row!;
  } catch (error) {
    throw refusal((error as { code?: unknown }).code, byId) ?? error;
  }
}

/** The answer to create_task's refusal (by its SQLSTATE), if it is one. */
export function refusal(code: unknown, byStatusId: boolean): AppError | undefined {
  if (code === "TK404") return new AppError("NOT_FOUND", "Project not found (or archived)");
  if (code === "TK400")
    return new AppError(
      "BAD_REQUEST",
      byStatusId
        ? "That status is not one of this project's statuses"
        : "This project has no status in that category",
    );
  return undefined;
}
