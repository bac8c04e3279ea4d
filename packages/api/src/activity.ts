import type { ActivityTable, Database, Insertable, Json, Kysely } from "@tesseract/db";

export interface ActivityEntry {
  orgId?: string | null;
  /** The project a task or project event belongs to, for activity.list's project filter. */
  projectId?: string | null;
  actorUserId?: string | null;
  actorTokenId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** What changed; never secrets. */
  data?: Record<string, Json>;
  ip?: string | null;
  userAgent?: string | null;
}

/** The activity row of an entry (to insert alone, or within a statement that makes the change). */
export function activityRow(entry: ActivityEntry): Insertable<ActivityTable> {
  return {
    org_id: entry.orgId ?? null,
    project_id: entry.projectId ?? null,
    actor_user_id: entry.actorUserId ?? null,
    actor_token_id: entry.actorTokenId ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    data: entry.data ?? {},
    ip: entry.ip ?? null,
    user_agent: entry.userAgent?.slice(0, 300) ?? null,
  };
}

/** Writes one activity row; pass the transaction that makes the change it records. */
export async function recordActivity(db: Kysely<Database>, entry: ActivityEntry): Promise<void> {
  await db.insertInto("activity").values(activityRow(entry)).execute();
}
