import { sql, type Kysely } from "kysely";

/**
 * Labels managed per organization: a name (unique per organization, case aside) and a colour
 * from a fixed palette. Tasks refer to labels through `task_labels`, so renaming or recolouring
 * a label changes one row and every task shows it.
 *
 * A join table rather than a uuid[] column on tasks: the database keeps the links true (a
 * deleted label or task takes its links with it, by cascade), a label's tasks are found through
 * an index, and adding or removing one label from many tasks writes rows instead of rewriting
 * arrays.
 *
 * Existing free-text labels migrate: one label per distinct name (case aside) per organization,
 * coloured in turn from the palette, linked to the tasks that carried it; then the text column goes.
 */
const COLOURS = [
  "gray",
  "red",
  "orange",
  "amber",
  "green",
  "teal",
  "blue",
  "indigo",
  "purple",
  "pink",
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("labels")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("colour", "text", (col) =>
      col
        .notNull()
        .defaultTo("gray")
        .check(sql`colour in (${sql.join(COLOURS.map((c) => sql.lit(c)))})`),
    )
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index labels_org_name_unique on labels (org_id, lower(name))`.execute(db);

  await db.schema
    .createTable("task_labels")
    .addColumn("task_id", "uuid", (col) => col.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("label_id", "uuid", (col) =>
      col.notNull().references("labels.id").onDelete("cascade"),
    )
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("task_labels_pk", ["task_id", "label_id"])
    .execute();
  await db.schema
    .createIndex("task_labels_label_idx")
    .on("task_labels")
    .columns(["label_id", "task_id"])
    .execute();

  // One label per distinct name per organization (the first spelling met wins), coloured in turn.
  await sql`
    insert into labels (org_id, name, colour)
    select org_id, name,
      (${sql.val(COLOURS)}::text[])[1 + ((row_number() over (partition by org_id order by lower(name))) - 1) % ${COLOURS.length}]
    from (
      select distinct on (t.org_id, lower(n.name)) t.org_id, n.name
      from tasks t cross join lateral unnest(t.labels) as n(name)
      where btrim(n.name) <> ''
      order by t.org_id, lower(n.name), t.created_at, n.name
    ) distinct_names`.execute(db);
  await sql`
    insert into task_labels (task_id, label_id, org_id)
    select distinct t.id, l.id, t.org_id
    from tasks t cross join lateral unnest(t.labels) as n(name)
    join labels l on l.org_id = t.org_id and lower(l.name) = lower(n.name)`.execute(db);

  await db.schema.dropIndex("tasks_labels_idx").execute();
  await db.schema.alterTable("tasks").dropColumn("labels").execute();
}
