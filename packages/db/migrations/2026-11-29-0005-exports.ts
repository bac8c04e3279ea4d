import { sql, type Kysely } from "kysely";

// Exports: a project's tasks (CSV or JSON) or everything a person wrote, produced by a job
// into S3. The row is written with the job in one transaction; the job id is the row's id,
// so a redelivered job finds the same row and the same object key.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("exports")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Null for a person's own data export, which spans organizations.
    .addColumn("org_id", "uuid", (col) => col.references("organizations.id").onDelete("cascade"))
    .addColumn("project_id", "uuid", (col) => col.references("projects.id").onDelete("cascade"))
    .addColumn("requested_by", "uuid", (col) =>
      col.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (col) => col.notNull().check(sql`kind in ('project', 'account')`))
    .addColumn("format", "text", (col) => col.notNull().check(sql`format in ('csv', 'json')`))
    .addColumn("status", "text", (col) =>
      col
        .notNull()
        .defaultTo("queued")
        .check(sql`status in ('queued', 'running', 'ready', 'failed')`),
    )
    .addColumn("rows_done", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("rows_total", "integer")
    .addColumn("file_name", "text", (col) => col.notNull())
    .addColumn("s3_key", "text")
    .addColumn("size_bytes", "bigint")
    .addColumn("error", "text")
    // Set once the notice has been enqueued: a redelivered job sends no second email.
    .addColumn("notified_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("started_at", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .addCheckConstraint(
      "exports_scope_check",
      sql`(kind = 'project' and org_id is not null and project_id is not null) or (kind = 'account' and org_id is null and project_id is null)`,
    )
    .execute();

  await db.schema
    .createIndex("exports_project_idx")
    .on("exports")
    .columns(["project_id", "created_at desc"])
    .execute();
  await db.schema
    .createIndex("exports_requester_idx")
    .on("exports")
    .columns(["requested_by", "created_at desc"])
    .execute();
}
