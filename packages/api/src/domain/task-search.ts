import { sql, type Database, type Kysely } from "@tesseract/db";
import { openBlockers } from "./task-queries.ts";

import type { SearchTasksInput } from "@tesseract/validators";

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  id: string;
  key: string;
  title: SnippetPart[];
  snippet: SnippetPart[];
  /** Where the best text match was found. */
  matchedIn: "task" | "comment";
  status: string;
  projectId: string;
  /** How many open tasks block this one (so a result can say it is blocked). */
  blockedBy: number;
  rank: number;
}

// Control characters mark highlights, so no user text can forge or break them; the client
// gets plain segments to render (no HTML).
const START = "\u0002";
const STOP = "\u0003";
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;

export function toParts(text: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, chunk] of text.split(START).entries()) {
    if (index === 0) {
      if (chunk) parts.push({ text: chunk, match: false });
      continue;
    }
    const [matched = "", rest = ""] = chunk.split(STOP);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

/**
 * Full-text search over an organization's task titles, descriptions and comments (web search
 * syntax: words, "phrases", -exclusions), ranked (title above description above comments),
 * with highlighted snippets. Every part of the query is bound to the organization.
 */
export async function searchTasks(
  db: Kysely<Database>,
  orgId: string,
  input: Omit<SearchTasksInput, "orgId">,
): Promise<SearchHit[]> {
  const { query: text, limit } = input;
  const projectId = input.projectId ?? null;
  const offset = input.cursor ?? 0;
  const assignee = input.assigneeId ?? null;
  const { rows } = await sql<{
    id: string;
    key: string;
    title: string;
    snippet: string;
    matched_in: "task" | "comment";
    status: string;
    project_id: string;
    blocked_by: number;
    rank: number;
  }>`
    with q as (select websearch_to_tsquery('english', ${text}) as query),
    hits as (
      select t.id as task_id, ts_rank(t.search, q.query) as rank, null::text as comment_body
      from tasks t, q where t.org_id = ${orgId} and t.search @@ q.query
        and (${projectId}::uuid is null or t.project_id = ${projectId}::uuid)
      union all
      select c.task_id, ts_rank(c.search, q.query) * 0.4, c.body
      from comments c, q where c.org_id = ${orgId} and c.search @@ q.query
        and (${projectId}::uuid is null or exists (select 1 from tasks pt where pt.id = c.task_id and pt.project_id = ${projectId}::uuid))
    ),
    best as (
      select task_id, sum(rank) as rank,
        (array_agg(comment_body order by rank desc) filter (where comment_body is not null))[1] as comment_body,
        bool_or(comment_body is null) as in_task
      from hits join tasks ft on ft.id = hits.task_id
      where ft.deleted_at is null
        and (${input.status ?? null}::text[] is null or ft.status = any(${input.status ?? null}::text[]))
        and (${input.statusIds ?? null}::uuid[] is null or ft.status_id = any(${input.statusIds ?? null}::uuid[]))
        and (${input.priority ?? null}::text[] is null or ft.priority = any(${input.priority ?? null}::text[]))
        and (${assignee}::text is null
          or (${assignee}::text = 'unassigned' and ft.assignee_id is null)
          or ft.assignee_id::text = ${assignee}::text)
        and (${input.labelId ?? null}::uuid is null or exists (select 1 from task_labels tl
          where tl.task_id = ft.id and tl.label_id = ${input.labelId ?? null}::uuid))
      group by task_id
      order by sum(rank) desc, task_id
      limit ${limit} offset ${offset}
    )
    select t.id, p.key || '-' || t.number as key, t.status, t.project_id,
      ts_headline('english', t.title, q.query, ${`HighlightAll=true, StartSel=${START}, StopSel=${STOP}`}) as title,
      case when b.in_task
        then ts_headline('english', case when t.description = '' then t.title else t.description end, q.query, ${HEADLINE})
        else ts_headline('english', b.comment_body, q.query, ${HEADLINE}) end as snippet,
      case when b.in_task then 'task' else 'comment' end as matched_in,
      (${openBlockers(sql.ref("t.id"))})::int as blocked_by,
      b.rank::float8 as rank
    from best b join tasks t on t.id = b.task_id join projects p on p.id = t.project_id, q
    where t.org_id = ${orgId}
    order by b.rank desc, t.id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    title: toParts(r.title),
    snippet: toParts(r.snippet),
    matchedIn: r.matched_in,
    status: r.status,
    projectId: r.project_id,
    blockedBy: r.blocked_by,
    rank: r.rank,
  }));
}
