import { sql, type Kysely } from "kysely";

// Notifications: one row per person told about something (a task assigned to them, an
// @mention, a comment on a task they follow), in the organization where it happened. Who
// follows a task (its watchers) and which kinds a person wants by email live beside them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notifications")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("recipient_id", "uuid", (col) =>
      col.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (col) =>
      col.notNull().check(sql`kind in ('assigned', 'mentioned', 'commented')`),
    )
    // A notice about a deleted task or comment goes with it: it would lead nowhere.
    .addColumn("task_id", "uuid", (col) => col.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("comment_id", "uuid", (col) => col.references("comments.id").onDelete("cascade"))
    .addColumn("actor_id", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("read_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // The inbox: a person's notices in one organization, newest first, keyset-paged.
  await db.schema
    .createIndex("notifications_inbox_idx")
    .on("notifications")
    .columns(["recipient_id", "org_id", "created_at desc", "id desc"])
    .execute();
  // The bell's count reads only the unread rows.
  await db.schema
    .createIndex("notifications_unread_idx")
    .on("notifications")
    .columns(["recipient_id", "org_id"])
    .where(sql.ref("read_at"), "is", null)
    .execute();

  await db.schema
    .createTable("task_watchers")
    .addColumn("task_id", "uuid", (col) => col.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    // False records an explicit "unwatch": the creator and the assignee follow a task without a
    // row, and such a row is how they stop.
    .addColumn("watching", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("task_watchers_pkey", ["task_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("task_watchers_user_idx")
    .on("task_watchers")
    .columns(["user_id"])
    .execute();

  // A missing row means every email is on (the defaults below).
  await db.schema
    .createTable("notification_settings")
    .addColumn("user_id", "uuid", (col) =>
      col.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("email_assigned", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("email_mentioned", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("email_commented", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
