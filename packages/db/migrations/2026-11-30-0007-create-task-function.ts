import { sql, type Kysely } from "kysely";

/**
 * A task's creation in one statement, so the project's number lock is held for as short a
 * time as possible (every create in a project waits for it).
 *
 * `task_position_after(last)`: the board position after `last` (null: an empty column), as
 * fractional-indexing's `generateKeyBetween(last, null)` gives it — the increment of the key's
 * integer part: bump the last digit that is not the largest ("z"), zero those after it; a run
 * of "z" only moves the head to the next (`az` → `b00`, `Zz` → `a0`). Heads a..z mark positive
 * integer parts of 2..27 characters, Z..A negative ones of 2..27. An integer part that cannot
 * grow (head "z", 26 "z" digits) is out of reach of appends; there the key gets a fraction
 * instead ("V", valid and after it), where the library picks a shorter one. The API's
 * position-sql.test.ts checks it against the library.
 *
 * `create_task(...)`: takes the project's next number (locking its row until the transaction
 * ends; an archived or unknown project raises TK404), then, in a statement of its own, picks
 * the status (by id, or else the first of a category; none raises TK400), appends the task to
 * the end of that column, and writes its activity row ("task.created", `data` plus the key)
 * and the creator's watch. The second statement must be a separate one: this function is
 * volatile, so under READ COMMITTED each of its statements reads with a new snapshot, and the
 * insert sees the task that the lock's previous holder committed; a single statement that
 * waited for the lock would read the column as of its own start and repeat that position.
 * Either error rolls the number back with the rest: numbers stay gap-free.
 *
 * `create_tasks(tasks)`: create_task for each element of a JSON array (its arguments by name,
 * without the `p_`), in order, in the caller's statement — several creates under one lock and
 * one commit. A refused element (TK404, TK400) is undone alone and answered by a row with its
 * index and SQLSTATE in `refused`; the others go on. Any other error fails the whole statement.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function task_position_after(last_position text) returns text
    language plpgsql immutable parallel safe as $$
    declare
      head text;
      integer_part text;
      bumped text;
      next_head text;
    begin
      if last_position is null then
        return 'a0';
      end if;
      head := left(last_position, 1);
      integer_part := left(last_position,
        case when head >= 'a' collate "C" then ascii(head) - 95 else 92 - ascii(head) end);
      bumped := rtrim(substr(integer_part, 2), 'z');
      if bumped <> '' then
        return head || left(bumped, -1)
          || translate(right(bumped, 1),
            '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxy',
            '123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
          || repeat('0', length(integer_part) - 1 - length(bumped));
      end if;
      if head = 'z' then
        return last_position || 'V';
      end if;
      next_head := translate(head, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxy',
        'BCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
      return next_head || repeat('0',
        (case when next_head >= 'a' collate "C" then ascii(next_head) - 95
          else 92 - ascii(next_head) end) - 1);
    end
    $$`.execute(db);

  await sql`create function create_task(
      p_org_id uuid, p_project_id uuid, p_status_id uuid, p_category text, p_id uuid,
      p_title text, p_description text, p_priority text, p_assignee_id uuid, p_due_date date,
      p_parent_id uuid, p_actor_user_id uuid, p_actor_token_id uuid, p_data jsonb, p_ip text,
      p_user_agent text)
    returns table (id uuid, number integer, key text, "projectId" uuid, title text,
      description text, status text, "statusId" uuid, "statusName" text,
      "statusCategory" text, priority text, "assigneeId" uuid, "dueDate" date,
      "parentId" uuid, "position" text, "createdAt" timestamptz, "updatedAt" timestamptz)
    language plpgsql volatile as $$
    #variable_conflict use_column
    declare
      v_number integer;
      v_key text;
    begin
      update projects p set next_task_number = p.next_task_number + 1
        where p.org_id = p_org_id and p.id = p_project_id and p.archived_at is null
        returning p.next_task_number - 1, p.key into v_number, v_key;
      if not found then
        raise exception 'Project not found (or archived)' using errcode = 'TK404';
      end if;
      v_key := v_key || '-' || v_number;
      return query
        with chosen as (
          select s.id, s.name, s.category from project_statuses s
          where s.org_id = p_org_id and s.project_id = p_project_id
            and (case when p_status_id is not null then s.id = p_status_id
              else s.category = p_category end)
          order by s.position, s.id limit 1
        ), created as (
          insert into tasks (id, org_id, project_id, number, title, description, status,
            status_id, priority, assignee_id, due_date, parent_id, position, created_by)
          select p_id, p_org_id, p_project_id, v_number, p_title, p_description,
            status_of_category(chosen.category), chosen.id, p_priority, p_assignee_id,
            p_due_date, p_parent_id,
            task_position_after((select t.position from tasks t where t.status_id = chosen.id
              order by t.position desc limit 1)),
            p_actor_user_id
          from chosen
          returning tasks.id, tasks.number, tasks.project_id, tasks.title, tasks.description,
            tasks.status, tasks.status_id, tasks.priority, tasks.assignee_id, tasks.due_date,
            tasks.parent_id, tasks.position, tasks.created_at, tasks.updated_at
        ), logged as (
          insert into activity (org_id, project_id, actor_user_id, actor_token_id, action,
            target_type, target_id, data, ip, user_agent)
          select p_org_id, p_project_id, p_actor_user_id, p_actor_token_id, 'task.created',
            'task', created.id::text, p_data || jsonb_build_object('key', v_key), p_ip,
            p_user_agent
          from created
        ), watched as (
          -- A new task has no watchers yet: the creator's row cannot conflict.
          insert into task_watchers (org_id, task_id, user_id, watching)
          select p_org_id, created.id, p_actor_user_id, true
          from created where p_actor_user_id is not null
        )
        select created.id, created.number, v_key, created.project_id, created.title,
          created.description, created.status, created.status_id, chosen.name,
          chosen.category, created.priority, created.assignee_id, created.due_date,
          created.parent_id, created.position::text, created.created_at, created.updated_at
        from created cross join chosen;
      if not found then
        raise exception 'No such status in this project' using errcode = 'TK400';
      end if;
    end
    $$`.execute(db);

  await sql`create function create_tasks(p_tasks jsonb)
    returns table (n integer, refused text, id uuid, number integer, key text, "projectId" uuid,
      title text, description text, status text, "statusId" uuid, "statusName" text,
      "statusCategory" text, priority text, "assigneeId" uuid, "dueDate" date,
      "parentId" uuid, "position" text, "createdAt" timestamptz, "updatedAt" timestamptz)
    language plpgsql volatile as $$
    #variable_conflict use_column
    declare
      item record;
    begin
      for item in select e.value as t, e.ordinality::integer - 1 as i
        from jsonb_array_elements(p_tasks) with ordinality e loop
        begin
          return query select item.i, null::text, c.* from create_task(
            (item.t->>'org_id')::uuid, (item.t->>'project_id')::uuid,
            (item.t->>'status_id')::uuid, item.t->>'category', (item.t->>'id')::uuid,
            item.t->>'title', item.t->>'description', item.t->>'priority',
            (item.t->>'assignee_id')::uuid, (item.t->>'due_date')::date,
            (item.t->>'parent_id')::uuid, (item.t->>'actor_user_id')::uuid,
            (item.t->>'actor_token_id')::uuid, item.t->'data', item.t->>'ip',
            item.t->>'user_agent') c;
        exception when sqlstate 'TK404' or sqlstate 'TK400' then
          return query select item.i, sqlstate, null::uuid, null::integer, null::text,
            null::uuid, null::text, null::text, null::text, null::uuid, null::text, null::text,
            null::text, null::uuid, null::date, null::uuid, null::text, null::timestamptz,
            null::timestamptz;
        end;
      end loop;
    end
    $$`.execute(db);
}
