import type { ListTasksInput } from "@tesseract/validators";
import { sql, type Database, type Expression, type Kysely, type SqlBool } from "@tesseract/db";
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

/**
 * One page of tasks, keyset-paginated on (sort value, id): a row is never returned twice,
 * whatever is inserted meanwhile, and every page is an index range scan.
 */
export async function listTasks(
  db: Kysely<Database>,
  orgId: string,
  input: ListTasksInput,
): Promise<{ items: Task[]; nextCursor: string | null }> {
  const sort = SORTS[input.sort];
  const desc = input.order === "desc";
  const expr = desc && "descExpr" in sort ? sort.descExpr : sort.expr;
  let query = selectTasks(db)
    .select(sql<string>`(${expr})::text`.as("sortValue"))
    .where("t.org_id", "=", orgId);
  if (input.projectId) query = query.where("t.project_id", "=", input.projectId);
  if (input.status?.length) query = query.where("t.status", "in", input.status);
  if (input.priority?.length) query = query.where("t.priority", "in", input.priority);
  if (input.assigneeId === "unassigned") query = query.where("t.assignee_id", "is", null);
  else if (input.assigneeId) query = query.where("t.assignee_id", "=", input.assigneeId);
  if (input.label) query = query.where(sql<SqlBool>`t.labels @> array[${input.label}]::text[]`);
  if (input.dueFrom) query = query.where("t.due_date", ">=", input.dueFrom);
  if (input.dueTo) query = query.where("t.due_date", "<=", input.dueTo);
  if (input.parentId) query = query.where("t.parent_id", "=", input.parentId);
  if (input.blocked !== undefined)
    query = query.where(
      sql<SqlBool>`(${openBlockers(sql.ref("t.id"))}) ${input.blocked ? sql`>` : sql`=`} 0`,
    );
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
