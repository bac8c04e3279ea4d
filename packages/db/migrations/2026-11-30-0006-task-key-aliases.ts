import { sql, type Kysely } from "kysely";

/**
 * The keys a task had before it moved to another project (WEB-3 became DES-12), so links,
 * bookmarks and scripts that name the old key still find it.
 *
 * One row per old key, unique per organization: a key belongs to one task at a time. Keys are
 * not reused within a project (its task numbers only grow), but a deleted project's key can be
 * given to a new project; then a task's current key wins over an alias, and a later move that
 * gives up the same key again takes the alias over. Deleting the task (or the organization)
 * removes its aliases.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("task_key_aliases")
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (col) =>
      col.notNull().check(sql`key ~ '^[A-Z][A-Z0-9]{1,9}-[0-9]{1,9}$'`),
    )
    .addColumn("task_id", "uuid", (col) => col.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("task_key_aliases_pk", ["org_id", "key"])
    .execute();
  // A task's deletion finds its aliases through this index.
  await db.schema
    .createIndex("task_key_aliases_task_idx")
    .on("task_key_aliases")
    .column("task_id")
    .execute();
}
