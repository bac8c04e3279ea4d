import type { Database, Kysely } from "@tesseract/db";
import type { SessionStore } from "@tesseract/redis";
import { recordActivity } from "../activity.ts";
import { AppError } from "../errors.ts";
import type { Client } from "./accounts.ts";

/** The user's live sessions, the current one marked. */
export async function sessionsOf(sessions: SessionStore, userId: string, currentId: string) {
  return (await sessions.list(userId)).map((s) => ({
    id: s.id,
    current: s.id === currentId,
    createdAt: new Date(s.createdAt),
    lastSeenAt: new Date(s.lastSeenAt),
    ip: s.ip,
    userAgent: s.userAgent,
  }));
}

/** Ends one of the user's sessions, or all but the current one; NOT_FOUND for one not theirs. */
export async function revokeSessions(
  db: Kysely<Database>,
  sessions: SessionStore,
  caller: { userId: string; sessionId: string; client: Client },
  target: { sessionId: string } | { allOthers: true },
): Promise<{ ended: number }> {
  let ended: number;
  if ("allOthers" in target) {
    ended = await sessions.revokeAll(caller.userId, { except: caller.sessionId });
  } else {
    if (!(await sessions.revoke(caller.userId, target.sessionId)))
      throw new AppError("NOT_FOUND", "Session not found");
    ended = 1;
  }
  await recordActivity(db, {
    actorUserId: caller.userId,
    action: "session.revoked",
    data: { ended, allOthers: "allOthers" in target },
    ...caller.client,
  });
  return { ended };
}
