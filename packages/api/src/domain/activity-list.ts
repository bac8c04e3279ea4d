import type { ActivityKind } from "@tesseract/validators";
import { sql, type Database, type Kysely } from "@tesseract/db";

export interface ActivityPageInput {
  cursor?: number | null;
  limit: number;
  projectId?: string;
  taskId?: string;
  /** Entries by this person. */
  actorId?: string;
  /** Entries whose action starts with this kind (task.moved is of kind task). */
  kind?: ActivityKind;
}

/** The entry's target as a uuid when it is of `type`; CASE keeps other targets from being cast. */
const targetOf = (type: string) =>
  sql<string>`case when a.target_type = ${type} then a.target_id::uuid end`;

/**
 * One page of an organization's activity, newest first, optionally narrowed. Each entry carries
 * its task's key and title as they are now (for a link that still works after a move) and the
 * person a member entry is about.
 */
export async function listActivity(db: Kysely<Database>, orgId: string, input: ActivityPageInput) {
  let query = db
    .selectFrom("activity as a")
    .leftJoin("users as u", "u.id", "a.actor_user_id")
    .leftJoin("api_tokens as t", "t.id", "a.actor_token_id")
    // Tasks and people of this organization only: a target is never another tenant's row.
    // A deleted task (in the trash) is named as the entry recorded it, without a link.
    .leftJoin("tasks as tk", (join) =>
      join
        .on(sql`tk.id`, "=", targetOf("task"))
        .onRef("tk.org_id", "=", "a.org_id")
        .on("tk.deleted_at", "is", null),
    )
    .leftJoin("projects as tp", "tp.id", "tk.project_id")
    .leftJoin("projects as ap", (join) =>
      join.onRef("ap.id", "=", "a.project_id").onRef("ap.org_id", "=", "a.org_id"),
    )
    .leftJoin("users as s", (join) => join.on(sql`s.id`, "=", targetOf("user")))
    .select([
      "a.id",
      "a.action",
      "a.target_type as targetType",
      "a.target_id as targetId",
      "a.data",
      "a.ip",
      "a.created_at as createdAt",
      "a.actor_user_id as actorId",
      "u.name as actorName",
      "u.email as actorEmail",
      "t.name as tokenName",
      sql<string | null>`tp.key || '-' || tk.number`.as("taskKey"),
      "tk.title as taskTitle",
      "ap.name as projectName",
      "s.name as subjectName",
      "s.email as subjectEmail",
    ])
    .where("a.org_id", "=", orgId)
    .orderBy("a.id", "desc")
    .limit(input.limit + 1);
  if (input.cursor) query = query.where("a.id", "<", input.cursor);
  if (input.projectId) query = query.where("a.project_id", "=", input.projectId);
  if (input.taskId)
    query = query.where("a.target_type", "=", "task").where("a.target_id", "=", input.taskId);
  if (input.actorId) query = query.where("a.actor_user_id", "=", input.actorId);
  if (input.kind) query = query.where("a.action", "like", `${input.kind}.%`);
  const rows = await query.execute();
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}
