import type { MyTaskRelation, MyTasksInput } from "@tesseract/validators";
import { sql, type Database, type Expression, type Kysely, type SqlBool } from "@tesseract/db";
import { listTasks, type TaskExpressionBuilder } from "./task-list.ts";
import type { Task } from "./task-queries.ts";

/**
 * The condition for "my" tasks. Subscribed reads like `followersOf` (domain/watchers.ts): an
 * explicit watch, or being the creator or assignee without having chosen to stop watching.
 */
function relatedTo(relation: MyTaskRelation, userId: string) {
  return (eb: TaskExpressionBuilder): Expression<SqlBool> => {
    if (relation === "assigned") return eb("t.assignee_id", "=", userId);
    if (relation === "created") return eb("t.created_by", "=", userId);
    return sql<SqlBool>`(
      exists (select 1 from task_watchers w
        where w.task_id = t.id and w.user_id = ${userId} and w.watching)
      or ((t.created_by = ${userId} or t.assignee_id = ${userId})
        and not exists (select 1 from task_watchers w
          where w.task_id = t.id and w.user_id = ${userId} and not w.watching))
    )`;
  };
}

/** My Issues: one page of the caller's tasks across the organization's projects. */
export function listMyTasks(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  input: MyTasksInput,
): Promise<{ items: Task[]; nextCursor: string | null }> {
  const { relation, ...list } = input;
  return listTasks(db, orgId, list, relatedTo(relation, userId));
}
