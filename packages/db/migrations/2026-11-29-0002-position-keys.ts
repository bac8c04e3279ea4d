import { generateNKeysBetween } from "fractional-indexing";
import { sql, type Kysely } from "kysely";

const CHUNK = 1_000;

/**
 * Board positions move to fractional-indexing keys, whose length grows logarithmically when
 * cards are appended (the earlier scheme grew linearly: 200 characters after 1,000 appends).
 * Every column (project and status) is re-keyed in its current order; ties keep the id order
 * the board already used to break them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const rows: { id: string; project_id: string; status: string }[] = await db
    .selectFrom("tasks")
    .select(["id", "project_id", "status"])
    .orderBy("project_id")
    .orderBy("status")
    .orderBy("position")
    .orderBy("id")
    .execute();
  const updates: { id: string; position: string }[] = [];
  const columns = Map.groupBy(rows, (row) => `${row.project_id}:${row.status}`);
  for (const column of columns.values()) {
    const keys = generateNKeysBetween(null, null, column.length);
    column.forEach((row, index) => updates.push({ id: row.id, position: keys[index]! }));
  }
  for (let i = 0; i < updates.length; i += CHUNK) {
    const values = updates
      .slice(i, i + CHUNK)
      .map((row) => sql`(${row.id}::uuid, ${row.position})`);
    await sql`update tasks set position = v.position
      from (values ${sql.join(values)}) as v(id, position)
      where tasks.id = v.id`.execute(db);
  }
}
