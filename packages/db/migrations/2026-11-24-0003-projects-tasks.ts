import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("projects")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("description", "text", (col) => col.notNull().defaultTo(""))
    // The next per-project task number; taken with UPDATE … RETURNING, so numbers never repeat.
    .addColumn("next_task_number", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("projects_org_key_unique", ["org_id", "key"])
    .execute();

  await db.schema
    .createTable("tasks")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("project_id", "uuid", (col) =>
      col.notNull().references("projects.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (col) => col.notNull())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("description", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("status", "text", (col) =>
      col
        .notNull()
        .defaultTo("backlog")
        .check(sql`status in ('backlog', 'todo', 'in_progress', 'done', 'canceled')`),
    )
    .addColumn("priority", "text", (col) =>
      col
        .notNull()
        .defaultTo("none")
        .check(sql`priority in ('none', 'low', 'medium', 'high', 'urgent')`),
    )
    .addColumn("priority_rank", "smallint", (col) =>
      col
        .generatedAlwaysAs(
          sql`case priority when 'urgent' then 4 when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end`,
        )
        .stored(),
    )
    .addColumn("assignee_id", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("due_date", "date")
    .addColumn("labels", sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    // Fractional-index key ordering a column's tasks; compared byte by byte (collation "C"),
    // so a move writes one row and never renumbers the others.
    .addColumn("position", sql`text collate "C"`, (col) => col.notNull())
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("search", sql`tsvector`, (col) =>
      col
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')`,
        )
        .stored(),
    )
    .addUniqueConstraint("tasks_project_number_unique", ["project_id", "number"])
    .execute();

  // One index behind every filter and sort task.list offers (all lead with org_id: tenant first).
  await db.schema
    .createIndex("tasks_board_idx")
    .on("tasks")
    .columns(["project_id", "status", "position"])
    .execute();
  await db.schema
    .createIndex("tasks_org_created_idx")
    .on("tasks")
    .columns(["org_id", "created_at", "id"])
    .execute();
  await db.schema
    .createIndex("tasks_org_updated_idx")
    .on("tasks")
    .columns(["org_id", "updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("tasks_org_status_idx")
    .on("tasks")
    .columns(["org_id", "status"])
    .execute();
  await db.schema
    .createIndex("tasks_org_assignee_idx")
    .on("tasks")
    .columns(["org_id", "assignee_id"])
    .execute();
  await db.schema
    .createIndex("tasks_org_priority_idx")
    .on("tasks")
    .columns(["org_id", "priority_rank", "id"])
    .execute();
  await db.schema
    .createIndex("tasks_org_due_idx")
    .on("tasks")
    .columns(["org_id", "due_date", "id"])
    .execute();
  await db.schema
    .createIndex("tasks_labels_idx")
    .on("tasks")
    .using("gin")
    .column("labels")
    .execute();
  await db.schema
    .createIndex("tasks_search_idx")
    .on("tasks")
    .using("gin")
    .column("search")
    .execute();

  await db.schema
    .createTable("comments")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("task_id", "uuid", (col) => col.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("search", sql`tsvector`, (col) =>
      col.generatedAlwaysAs(sql`to_tsvector('english', body)`).stored(),
    )
    .execute();
  await db.schema
    .createIndex("comments_task_idx")
    .on("comments")
    .columns(["task_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("comments_search_idx")
    .on("comments")
    .using("gin")
    .column("search")
    .execute();

  // activity.list filters by project and by task.
  await db.schema
    .createIndex("activity_target_idx")
    .on("activity")
    .columns(["org_id", "target_id", "id"])
    .execute();
  await db.schema.alterTable("activity").addColumn("project_id", "uuid").execute();
  await db.schema
    .createIndex("activity_project_idx")
    .on("activity")
    .columns(["org_id", "project_id", "id"])
    .execute();
}
