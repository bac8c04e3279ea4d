import { sql, type Kysely } from "kysely";

// Files attached to tasks. A row is written when an upload starts (pending), so the bytes an
// organization holds (quota) count uploads in progress; it becomes ready only once the server
// has checked the stored object itself, and failed when that check refused it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("attachments")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("task_id", "uuid", (col) => col.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("uploader_id", "uuid", (col) => col.references("users.id").onDelete("set null"))
    // Built by the server (org/<orgId>/attachments/<id>/…), never from the file's name.
    .addColumn("storage_key", "text", (col) => col.notNull().unique())
    .addColumn("file_name", "text", (col) => col.notNull())
    .addColumn("declared_type", "text", (col) => col.notNull())
    // What the first bytes say the file is; null until checked (or when no signature applies).
    .addColumn("sniffed_type", "text")
    .addColumn("size", "bigint", (col) => col.notNull().check(sql`size > 0`))
    .addColumn("status", "text", (col) =>
      col
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'processing', 'ready', 'failed')`),
    )
    .addColumn("failure", "text")
    .addColumn("thumbnail_key", "text")
    .addColumn("metadata", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("completed_at", "timestamptz")
    .execute();

  // A task's files, newest first, in pages.
  await db.schema
    .createIndex("attachments_task_idx")
    .on("attachments")
    .columns(["task_id", "created_at", "id"])
    .execute();
  // The quota sums what an organization holds (ready, processing and pending).
  await db.schema
    .createIndex("attachments_org_quota_idx")
    .on("attachments")
    .columns(["org_id"])
    .where(sql.ref("status"), "!=", "failed")
    .execute();
  // The cleanup finds abandoned uploads by age.
  await db.schema
    .createIndex("attachments_pending_idx")
    .on("attachments")
    .column("created_at")
    .where(sql.ref("status"), "=", "pending")
    .execute();
}
