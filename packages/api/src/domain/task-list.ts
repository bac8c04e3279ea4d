import type { ListTasksInput, TaskCounts, TaskFiltersInput } from "@tesseract/validators";
import { TASK_STATUSES } from "@tesseract/validators/constants";
import {
  sql,
  type Database,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
} from "@tesseract/db";
import { z } from "zod";
import { cursorValue, decodeCursor, encodeCursor } from "./cursor.ts";
import { openBlockers, selectTasks, toTask, type Task } from "./task-queries.ts";

// Each sort as a SQL expression, the type its cursor value is cast back to, and the schema that
// value must pass first. The cursor carries the value as PostgreSQL printed it (text), so
// timestamps keep their microseconds.
const SORTS = {
  created: { expr: sql`t.created_at`, cast: sql`timestamptz`, value: cursorValue.timestamptz },
  updated: { expr: sql`t.updated_at`, cast: sql`timestamptz`, value: cursorValue.timestamptz },
  priority: { expr: sql`t.priority_rank`, cast: sql`smallint`, value: cursorValue.smallint },
  // Tasks without a due date come last in both directions.
  due: {
    expr: sql`coalesce(t.due_date, 'infinity'::date)`,
    descExpr: sql`coalesce(t.due_date, '-infinity'::date)`,
    cast: sql`date`,
    value: cursorValue.dateOrInfinity,
  },
  position: { expr: sql`t.position`, cast: sql`text`, value: cursorValue.text },
} as const;

export type TaskExpressionBuilder = ExpressionBuilder<{ t: Database["tasks"] }, "t">;

/** The organization's tasks (as `t`) that pass the filters `task.list` and `task.counts` share. */
function matchesFilters(
  eb: TaskExpressionBuilder,
  orgId: string,
  filters: Omit<TaskFiltersInput, "orgId">,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [
    eb("t.org_id", "=", orgId),
    eb("t.deleted_at", "is", null),
  ];
  if (filters.projectId) conditions.push(eb("t.project_id", "=", filters.projectId));
  if (filters.status?.length) conditions.push(eb("t.status", "in", filters.status));
  if (filters.statusIds?.length) conditions.push(eb("t.status_id", "in", filters.statusIds));
  if (filters.priority?.length) conditions.push(eb("t.priority", "in", filters.priority));
  if (filters.assigneeId === "unassigned") conditions.push(eb("t.assignee_id", "is", null));
  else if (filters.assigneeId) conditions.push(eb("t.assignee_id", "=", filters.assigneeId));
  if (filters.labelId)
    conditions.push(
      sql<SqlBool>`exists (select 1 from task_labels tl where tl.task_id = t.id and tl.label_id = ${filters.labelId})`,
    );
  if (filters.dueFrom) conditions.push(eb("t.due_date", ">=", filters.dueFrom));
  if (filters.dueTo) conditions.push(eb("t.due_date", "<=", filters.dueTo));
  if (filters.parentId) conditions.push(eb("t.parent_id", "=", filters.parentId));
  if (filters.blocked !== undefined)
    conditions.push(
      sql<SqlBool>`(${openBlockers(sql.ref("t.id"))}) ${filters.blocked ? sql`>` : sql`=`} 0`,
    );
  return eb.and(conditions);
}

/** How many tasks pass the filters, per status: the board's column heads, the list's total. */
export async function countTasks(
  db: Kysely<Database>,
  orgId: string,
  filters: Omit<TaskFiltersInput, "orgId">,
): Promise<TaskCounts> {
  const rows = await db
    .selectFrom("tasks as t")
    .where((eb) => matchesFilters(eb, orgId, filters))
    .select((eb) => [
      "t.status",
      "t.status_id as statusId",
      eb.fn.countAll<string | number>().as("count"),
    ])
    .groupBy(["t.status", "t.status_id"])
    .execute();
  const byStatus = Object.fromEntries(TASK_STATUSES.map((status) => [status, 0])) as Record<
    (typeof TASK_STATUSES)[number],
    number
  >;
  const byStatusId: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    const count = Number(row.count);
    byStatus[row.status as keyof typeof byStatus] += count;
    byStatusId[row.statusId] = count;
    total += count;
  }
  return { byStatus, byStatusId, total };
}

/**
 * One page of tasks, keyset-paginated on (sort value, id): a row is never returned twice,
 * whatever is inserted meanwhile, and every page is an index range scan.
 */
export async function listTasks(
  db: Kysely<Database>,
  orgId: string,
  input: ListTasksInput,
  /** A further condition on the task `t` (My Issues: the caller's relation to it). */
  narrow?: (eb: TaskExpressionBuilder) => Expression<SqlBool>,
): Promise<{ items: Task[]; nextCursor: string | null }> {
  const sort = SORTS[input.sort];
  const desc = input.order === "desc";
  const expr = desc && "descExpr" in sort ? sort.descExpr : sort.expr;
  let query = selectTasks(db)
    .select(sql<string>`(${expr})::text`.as("sortValue"))
    .where((eb) => matchesFilters(eb, orgId, input));
  if (narrow) query = query.where(narrow);
  if (input.cursor) {
    const [value, id] = decodeCursor(input.cursor, z.tuple([sort.value, cursorValue.id]));
    const after: Expression<SqlBool> = desc
      ? sql<SqlBool>`(${expr}, t.id) < (cast(${value} as ${sort.cast}), cast(${id} as uuid))`
      : sql<SqlBool>`(${expr}, t.id) > (cast(${value} as ${sort.cast}), cast(${id} as uuid))`;
    query = query.where(after);
  }
  const rows = await query
    .orderBy(expr, desc ? "desc" : "asc")
    .orderBy("t.id", desc ? "desc" : "asc")
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortValue: _, ...row }) => toTask(row)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sortValue, last.id]) : null,
  };
}
