import { sql, type Kysely } from "kysely";

/**
 * Saved views and the indexes behind My Issues.
 *
 * A saved view is a named set of list filters, kept for one project (`project_id`) or for the
 * organization's My Issues page (`project_id` null). A private view is its owner's alone; a
 * shared one is read by every member. Names are unique per owner and scope: two owners may both
 * have "Urgent bugs", one owner may not have it twice for the same project. `filters` is checked
 * by the application on write and again on read.
 *
 * My Issues pages through an organization's tasks by creator and by watcher row: the assignee
 * already has `tasks_org_assignee_idx`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("saved_views")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("project_id", "uuid", (col) => col.references("projects.id").onDelete("cascade"))
    .addColumn("owner_id", "uuid", (col) =>
      col.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("filters", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("shared", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // One name per owner and scope; the org-wide scope (null project) is a scope of its own.
  await sql`create unique index saved_views_name_idx on saved_views
    (org_id, owner_id, coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`.execute(
    db,
  );
  await db.schema
    .createIndex("saved_views_shared_idx")
    .on("saved_views")
    .columns(["org_id", "project_id"])
    .where(sql.ref("shared"), "=", true)
    .execute();

  await db.schema
    .createIndex("tasks_org_creator_idx")
    .on("tasks")
    .columns(["org_id", "created_by", "created_at", "id"])
    .execute();
  await db.schema
    .createIndex("task_watchers_user_org_idx")
    .on("task_watchers")
    .columns(["user_id", "org_id", "task_id"])
    .where(sql.ref("watching"), "=", true)
    .execute();
}
