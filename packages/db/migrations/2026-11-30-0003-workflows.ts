import { sql, type Kysely } from "kysely";

/**
 * Per-project workflows: each project has its own statuses (the board's columns), each in one
 * of five categories. Tasks point at a status (`status_id`).
 *
 * `tasks.status` stays, as the task's category in the vocabulary the API always spoke (backlog,
 * todo, in_progress, done, canceled): "open tasks", stats, exports and the API's `status` field
 * keep their meaning. Triggers keep it exact whoever writes the row:
 * - a task inserted or moved to another status gets its status's category in `status`;
 * - a task written with only `status` (the legacy way), or moved to another project, gets the
 *   first status of that category in its project;
 * - a new project gets the five default statuses.
 * A status's category change is carried to its tasks by the application (status.update).
 *
 * Statuses are ordered by category, then by `position` (a fractional-index key) within it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("project_statuses")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("org_id", "uuid", (col) =>
      col.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("project_id", "uuid", (col) =>
      col.notNull().references("projects.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("category", "text", (col) =>
      col
        .notNull()
        .check(sql`category in ('backlog', 'unstarted', 'started', 'completed', 'canceled')`),
    )
    .addColumn("position", sql`text collate "C"`, (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    // Lets tasks reference (project_id, id): a task's status is always of its own project.
    .addUniqueConstraint("project_statuses_project_id_unique", ["project_id", "id"])
    .execute();
  await sql`create unique index project_statuses_name_unique
    on project_statuses (project_id, lower(name))`.execute(db);

  // category → the legacy status value kept in tasks.status, and back.
  await sql`create function status_of_category(category text) returns text
    language sql immutable as $$
      select case category when 'unstarted' then 'todo' when 'started' then 'in_progress'
        when 'completed' then 'done' else category end
    $$`.execute(db);
  await sql`create function category_of_status(status text) returns text
    language sql immutable as $$
      select case status when 'todo' then 'unstarted' when 'in_progress' then 'started'
        when 'done' then 'completed' else status end
    $$`.execute(db);

  await sql`create function project_default_statuses() returns trigger
    language plpgsql as $$
    begin
      insert into project_statuses (org_id, project_id, name, category, position)
      values (new.org_id, new.id, 'Backlog', 'backlog', 'a0'),
             (new.org_id, new.id, 'Todo', 'unstarted', 'a0'),
             (new.org_id, new.id, 'In Progress', 'started', 'a0'),
             (new.org_id, new.id, 'Done', 'completed', 'a0'),
             (new.org_id, new.id, 'Canceled', 'canceled', 'a0');
      return new;
    end
    $$`.execute(db);
  await sql`create trigger projects_default_statuses after insert on projects
    for each row execute function project_default_statuses()`.execute(db);

  // Existing projects get the defaults too.
  await sql`insert into project_statuses (org_id, project_id, name, category, position)
    select p.org_id, p.id, d.name, d.category, 'a0' from projects p
    cross join (values ('Backlog', 'backlog'), ('Todo', 'unstarted'),
      ('In Progress', 'started'), ('Done', 'completed'), ('Canceled', 'canceled'))
      as d(name, category)`.execute(db);

  await db.schema.alterTable("tasks").addColumn("status_id", "uuid").execute();
  await sql`update tasks t set status_id = s.id from project_statuses s
    where s.project_id = t.project_id and s.category = category_of_status(t.status)`.execute(db);
  // Inserts may omit status_id (the trigger below fills it from `status`): a default saying
  // so, which PostgreSQL keeps (a bare DEFAULT NULL would be dropped).
  await sql`create function task_status_from_trigger() returns uuid
    language sql volatile as $$ select null::uuid $$`.execute(db);
  await sql`alter table tasks alter column status_id set not null,
    alter column status_id set default task_status_from_trigger(),
    add constraint tasks_status_fk foreign key (project_id, status_id)
      references project_statuses (project_id, id)`.execute(db);
  // A board column: one status's tasks in order.
  await db.schema
    .createIndex("tasks_status_position_idx")
    .on("tasks")
    .columns(["status_id", "position"])
    .execute();

  await sql`create function tasks_sync_status() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        if new.status_id is null then
          new.status_id := (select id from project_statuses
            where project_id = new.project_id and category = category_of_status(new.status)
            order by position, id limit 1);
        end if;
      elsif new.status_id is not distinct from old.status_id
        and (new.status is distinct from old.status
          or new.project_id is distinct from old.project_id) then
        new.status_id := (select id from project_statuses
          where project_id = new.project_id and category = category_of_status(new.status)
          order by position, id limit 1);
      end if;
      new.status := coalesce(
        (select status_of_category(category) from project_statuses
          where id = new.status_id and project_id = new.project_id),
        new.status);
      return new;
    end
    $$`.execute(db);
  await sql`create trigger tasks_sync_status before insert or update of status, status_id, project_id
    on tasks for each row execute function tasks_sync_status()`.execute(db);
}
