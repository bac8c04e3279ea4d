import { sql, type Kysely } from "kysely";

/**
 * A task's creation time follows its creation order. `create_task` (migration
 * 2026-11-30-0007) left `created_at` and `updated_at` to their defaults, `now()`: the time the
 * transaction started. Every task of one `create_tasks` statement (the creates that queued on
 * the project's lock together) then had the same creation time, and sorting by it ordered them
 * by their random ids; a transaction that began before another but took the project's number
 * after it was dated before it too. The task (both times) and its activity row now take
 * `clock_timestamp()` once the number is taken: under the project's lock, so each task of a
 * project is dated after the one numbered before it (while the server's clock runs forward).
 *
 * Otherwise the same function as before, with the same signature; `create_tasks` calls it by
 * name and stays as it was.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create or replace function create_task(
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
      v_created timestamptz;
    begin
      update projects p set next_task_number = p.next_task_number + 1
        where p.org_id = p_org_id and p.id = p_project_id and p.archived_at is null
        returning p.next_task_number - 1, p.key into v_number, v_key;
      if not found then
        raise exception 'Project not found (or archived)' using errcode = 'TK404';
      end if;
      v_key := v_key || '-' || v_number;
      -- Read under the lock just taken: the previous number's task was dated before it.
      v_created := clock_timestamp();
      return query
        with chosen as (
          select s.id, s.name, s.category from project_statuses s
          where s.org_id = p_org_id and s.project_id = p_project_id
            and (case when p_status_id is not null then s.id = p_status_id
              else s.category = p_category end)
          order by s.position, s.id limit 1
        ), created as (
          insert into tasks (id, org_id, project_id, number, title, description, status,
            status_id, priority, assignee_id, due_date, parent_id, position, created_by,
            created_at, updated_at)
          select p_id, p_org_id, p_project_id, v_number, p_title, p_description,
            status_of_category(chosen.category), chosen.id, p_priority, p_assignee_id,
            p_due_date, p_parent_id,
            task_position_after((select t.position from tasks t where t.status_id = chosen.id
              order by t.position desc limit 1)),
            p_actor_user_id, v_created, v_created
          from chosen
          returning tasks.id, tasks.number, tasks.project_id, tasks.title, tasks.description,
            tasks.status, tasks.status_id, tasks.priority, tasks.assignee_id, tasks.due_date,
            tasks.parent_id, tasks.position, tasks.created_at, tasks.updated_at
        ), logged as (
          insert into activity (org_id, project_id, actor_user_id, actor_token_id, action,
            target_type, target_id, data, ip, user_agent, created_at)
          select p_org_id, p_project_id, p_actor_user_id, p_actor_token_id, 'task.created',
            'task', created.id::text, p_data || jsonb_build_object('key', v_key), p_ip,
            p_user_agent, v_created
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
}
