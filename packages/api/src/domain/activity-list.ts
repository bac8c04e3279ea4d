import type { Database, Kysely } from "@tesseract/db";

export interface ActivityPageInput {
  cursor?: number | null;
  limit: number;
  projectId?: string;
  taskId?: string;
}

/** One page of an organization's activity, newest first (optionally one project's or task's). */
export async function listActivity(db: Kysely<Database>, orgId: string, input: ActivityPageInput) {
  let query = db
    .selectFrom("activity as a")
    .leftJoin("users as u", "u.id", "a.actor_user_id")
    .leftJoin("api_tokens as t", "t.id", "a.actor_token_id")
    .select([
      "a.id",
      "a.action",
      "a.target_type as targetType",
      "a.target_id as targetId",
      "a.data",
      "a.ip",
      "a.created_at as createdAt",
      "u.name as actorName",
      "u.email as actorEmail",
      "t.name as tokenName",
    ])
    .where("a.org_id", "=", orgId)
    .orderBy("a.id", "desc")
    .limit(input.limit + 1);
  if (input.cursor) query = query.where("a.id", "<", input.cursor);
  if (input.projectId) query = query.where("a.project_id", "=", input.projectId);
  if (input.taskId)
    query = query.where("a.target_type", "=", "task").where("a.target_id", "=", input.taskId);
  const rows = await query.execute();
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}
