import { sql, type Database, type Json, type Transaction } from "@tesseract/db";
import type { StatusCategory } from "@tesseract/validators";
import type { ActivityEntry } from "../activity.ts";
import { compiledOnce } from "./compiled-query.ts";
import { positionAfter } from "./position.ts";

/** A new task's row, once the project's number lock is held (see createTask). */
export interface TaskInsert {
  id: string;
  orgId: string;
  projectId: string;
  number: number;
  title: string;
  description: string;
  /** The status by id, or else the first status of a category. */
  status: { id: string } | { category: StatusCategory };
  priority: string;
  assigneeId: string | null;
  dueDate: string | null;
  parentId: string | null;
  /** The activity row's actor, request fields and data (its action is "task.created"). */
  activity: Omit<ActivityEntry, "action" | "orgId" | "projectId" | "targetType" | "targetId">;
  data: Record<string, Json>;
}

export interface InsertedTask {
  id: string;
  number: number;
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

/**
 * One statement: the status chosen (the project's, by id or first of its category), the task at
 * the end of that column, its activity row and (for a person) the creator's watch. It must run
 * after the statement that took the project's lock, never in it: PostgreSQL reads a statement's
 * rows as of its start, so a statement that waited for the lock would not see the task the
 * previous holder appended, and would give this one the same position.
 */
function insertStatement(statusBy: "id" | "category") {
  return compiledOnce(
    (
      db,
      orgId: string,
      projectId: string,
      statusChoice: string,
      id: string,
      number: string,
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
    ) => {
      const chosen =
        statusBy === "id" ? sql`s.id = ${statusChoice}` : sql`s.category = ${statusChoice}`;
      const lastInColumn = sql<string | null>`select t.position from tasks t
        where t.status_id = (select id from chosen) order by t.position desc limit 1`;
      return {
        compile: () =>
          sql<InsertedTask>`with chosen as (
              select s.id, s.name, s.category from project_statuses s
              where s.org_id = ${orgId} and s.project_id = ${projectId} and ${chosen}
              order by s.position, s.id limit 1
            ), created as (
              insert into tasks (id, org_id, project_id, number, title, description, status,
                status_id, priority, assignee_id, due_date, parent_id, position, created_by)
              select ${id}::uuid, ${orgId}::uuid, ${projectId}::uuid, ${number}::int,
                ${title}::text, ${description}::text, status_of_category(chosen.category),
                chosen.id, ${priority}::text, ${assigneeId}::uuid, ${dueDate}::date,
                ${parentId}::uuid, ${positionAfter(lastInColumn)}, ${actorUserId}::uuid
              from chosen
              returning id, number, project_id, title, description, status, status_id, priority,
                assignee_id, due_date, parent_id, position, created_at, updated_at
            ), logged as (
              insert into activity (org_id, project_id, actor_user_id, actor_token_id, action,
                target_type, target_id, data, ip, user_agent)
              select ${orgId}::uuid, ${projectId}::uuid, ${actorUserId}::uuid,
                ${actorTokenId}::uuid, 'task.created', 'task', created.id::text,
                ${data}::jsonb, ${ip}::text, ${userAgent}::text
              from created
            ), watched as (
              -- A new task has no watchers yet: the creator's row cannot conflict.
              insert into task_watchers (org_id, task_id, user_id, watching)
              select ${orgId}::uuid, created.id, ${actorUserId}::uuid, true
              from created where ${actorUserId}::uuid is not null
            )
            select created.id, created.number, created.project_id as "projectId",
              created.title, created.description, created.status,
              created.status_id as "statusId", chosen.name as "statusName",
              chosen.category as "statusCategory", created.priority,
              created.assignee_id as "assigneeId", created.due_date as "dueDate",
              created.parent_id as "parentId", created.position,
              created.created_at as "createdAt", created.updated_at as "updatedAt"
            from created cross join chosen`.compile(db),
      };
    },
  );
}

const insertByStatusId = insertStatement("id");
const insertByCategory = insertStatement("category");

/**
 * Inserts the task, its activity row and the creator's watch in one round trip; undefined when
 * the project has no such status (nothing was written). Call it with the project's number lock
 * held, from a statement before this one.
 */
export async function insertTask(
  trx: Transaction<Database>,
  task: TaskInsert,
): Promise<InsertedTask | undefined> {
  const { activity } = task;
  const [insert, choice] =
    "id" in task.status
      ? [insertByStatusId, task.status.id]
      : [insertByCategory, task.status.category];
  const [row] = await insert(
    trx,
    task.orgId,
    task.projectId,
    choice,
    task.id,
    String(task.number),
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
  return row;
}
