import { sql, type Kysely } from "kysely";

/**
 * Deleted tasks stay for a while so a delete can be undone.
 *
 * A deleted task keeps its row, and with it its comments, attachments, relations, watchers and
 * position; every read leaves it out. `deleted_children` remembers the sub-tasks its delete made
 * top-level, so a restore can take them back. A periodic job removes deleted tasks for good once
 * the restore window has passed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("tasks")
    .addColumn("deleted_at", "timestamptz")
    .addColumn("deleted_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("deleted_children", sql`uuid[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .execute();
  // The purge job's scan: only deleted rows are indexed.
  await db.schema
    .createIndex("tasks_deleted_idx")
    .on("tasks")
    .column("deleted_at")
    .where(sql.ref("deleted_at"), "is not", null)
    .execute();
}
