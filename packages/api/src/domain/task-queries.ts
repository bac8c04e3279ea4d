import { sql, type Database, type Kysely } from "@tesseract/db";
import type { TaskPriority, TaskStatus } from "@tesseract/validators";

/** The columns every task answer carries. */
export function selectTasks(db: Kysely<Database>) {
  return db
    .selectFrom("tasks as t")
    .innerJoin("projects as p", "p.id", "t.project_id")
    .leftJoin("users as a", "a.id", "t.assignee_id")
    .select([
      "t.id",
      "t.number",
      sql<string>`p.key || '-' || t.number`.as("key"),
      "t.project_id as projectId",
      "t.title",
      "t.description",
      "t.status",
      "t.priority",
      "t.assignee_id as assigneeId",
      "a.name as assigneeName",
      "t.due_date as dueDate",
      "t.labels",
      "t.position",
      "t.created_at as createdAt",
      "t.updated_at as updatedAt",
    ]);
}

export type TaskRow = Awaited<
  ReturnType<ReturnType<typeof selectTasks>["executeTakeFirstOrThrow"]>
>;

export function toTask(row: TaskRow) {
  return { ...row, status: row.status as TaskStatus, priority: row.priority as TaskPriority };
}

export type Task = ReturnType<typeof toTask>;
