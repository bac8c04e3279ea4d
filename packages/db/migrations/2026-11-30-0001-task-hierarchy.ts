import { sql, type Kysely } from "kysely";

/**
 * Sub-tasks and relations between tasks.
 *
 * A task's parent is another task of the same project (so of the same organization); the
 * application refuses cycles and bounds the depth. Deleting a parent keeps its sub-tasks as
 * top-level tasks.
 *
 * A relation is one row however it is read: `blocks` (source blocks target; the target sees
 * "blocked by"), `duplicates` (source is a duplicate of target) and `relates` (either way).
 * Both ends are tasks of the row's organization; deleting either task deletes the relation.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("tasks")
    .addColumn("parent_id", "uuid", (col) => col.references("tasks.id").onDelete("set null"))
    .execute();
  await sql`alter table tasks add constraint tasks_parent_not_self check (parent_id <> id)`.execute(
    db,
  );
  await db.schema
    .createIndex("tasks_parent_idx")
    .on("tasks")
    .columns(["parent_id", "status"])
    .where(sql.ref("parent_id"), "is not", null)
    .execute();

  await db.schema
    .createTable("task_relations")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("source_id", "uuid", (col) =>
      col.notNull().references("tasks.id").onDelete("cascade"),
    )
    .addColumn("target_id", "uuid", (col) =>
      col.notNull().references("tasks.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (col) =>
      col.notNull().check(sql`kind in ('blocks', 'duplicates', 'relates')`),
    )
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("task_relations_not_self", sql`source_id <> target_id`)
    .addUniqueConstraint("task_relations_unique", ["source_id", "target_id", "kind"])
    .execute();
  await db.schema
    .createIndex("task_relations_target_idx")
    .on("task_relations")
    .columns(["target_id", "kind"])
    .execute();
}
