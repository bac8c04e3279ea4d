import { sql, type Database, type Kysely, type Expression } from "@tesseract/db";
import type { StatusCategory, TaskLabel, TaskPriority, TaskStatus } from "@tesseract/validators";

/** How many open tasks block the task `taskIdExpr` names (a SQL expression). */
export function openBlockers(taskIdExpr: Expression<unknown>) {
  return sql<number>`select count(*) from task_relations r join tasks b on b.id = r.source_id
    where r.target_id = ${taskIdExpr} and r.kind = 'blocks' and b.status not in ('done', 'canceled')
    and b.deleted_at is null`;
}

/** The columns every task answer carries; deleted tasks (awaiting purge) are left out. */
export function selectTasks(db: Kysely<Database>) {
  return db
    .selectFrom("tasks as t")
    .innerJoin("projects as p", "p.id", "t.project_id")
    .innerJoin("project_statuses as st", "st.id", "t.status_id")
    .leftJoin("users as a", "a.id", "t.assignee_id")
    .select([
      "t.id",
      "t.number",
      sql<string>`p.key || '-' || t.number`.as("key"),
      "t.project_id as projectId",
      "t.title",
      "t.description",
      "t.status",
      "t.status_id as statusId",
      "st.name as statusName",
      "st.category as statusCategory",
      "t.priority",
      "t.assignee_id as assigneeId",
      "a.name as assigneeName",
      "t.due_date as dueDate",
      sql<
        TaskLabel[]
      >`coalesce((select json_agg(json_build_object('id', l.id, 'name', l.name, 'colour', l.colour) order by lower(l.name), l.id)
        from task_labels tl join labels l on l.id = tl.label_id where tl.task_id = t.id), '[]')`.as(
        "labels",
      ),
      "t.parent_id as parentId",
      sql<number>`(select count(*) from tasks s where s.parent_id = t.id and s.deleted_at is null)::int`.as(
        "subtaskTotal",
      ),
      sql<number>`(select count(*) from tasks s where s.parent_id = t.id and s.status = 'done' and s.deleted_at is null)::int`.as(
        "subtaskDone",
      ),
      sql<number>`(${openBlockers(sql.ref("t.id"))})::int`.as("blockedBy"),
      "t.position",
      "t.created_at as createdAt",
      "t.updated_at as updatedAt",
    ])
    .where("t.deleted_at", "is", null);
}

/** A task row's columns under the names of a task answer (an insert's RETURNING). */
export const TASK_COLUMNS = [
  "id",
  "number",
  "project_id as projectId",
  "title",
  "description",
  "status",
  "status_id as statusId",
  "priority",
  "assignee_id as assigneeId",
  "due_date as dueDate",
  "parent_id as parentId",
  "position",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

export type TaskRow = Awaited<
  ReturnType<ReturnType<typeof selectTasks>["executeTakeFirstOrThrow"]>
>;

export function toTask({ subtaskTotal, subtaskDone, ...row }: TaskRow) {
  return {
    ...row,
    status: row.status as TaskStatus,
    statusCategory: row.statusCategory as StatusCategory,
    priority: row.priority as TaskPriority,
    subtasks: { total: subtaskTotal, done: subtaskDone },
  };
}

export type Task = ReturnType<typeof toTask>;
