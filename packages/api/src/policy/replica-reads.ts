import { currentWalPosition, type Database, type Kysely } from "@tesseract/db";
import type { Context } from "../context.ts";

/**
 * How long a write keeps its author's and its organization's reads on the primary until the
 * replica shows it. Far above any healthy replication lag (milliseconds); a replica further
 * behind than this serves what it has.
 */
export const WRITE_MARK_TTL_MS = 5 * 60_000;

/** The scopes a write marks and a read consults: the person, and the organization if any. */
export function writeScopes(userId: string, orgId?: string): string[] {
  return orgId === undefined ? [`user:${userId}`] : [`user:${userId}`, `org:${orgId}`];
}

/**
 * After a mutation commits, before it answers: records where the primary's WAL stands under
 * the writer's scopes, so that their next reads (and the organization's, whose cached results
 * must not be refilled from before the write) wait for the replica to pass it. Without a
 * replica this does nothing. If Redis fails the write still stands; reads may then briefly
 * lag, which is logged.
 */
export async function markWrite(ctx: Context, scopes: readonly string[]): Promise<void> {
  const routing = ctx.services.replica;
  if (!routing) return;
  try {
    const position = await currentWalPosition(ctx.services.db);
    await routing.marks.raise(scopes, position, WRITE_MARK_TTL_MS);
  } catch (err) {
    ctx.logger.warn(
      { err, requestId: ctx.requestId },
      "could not record a write mark; reads may lag",
    );
  }
}

/**
 * The executor for a read that may lag (`meta.reads: "replica"`): the replica once it has
 * replayed past the scopes' latest write, else the primary. Without a replica, when Redis
 * cannot say, or when the replica is unreachable, the primary: never a read from before the
 * caller's own write.
 */
export async function readDbFor(
  ctx: Context,
  scopes: readonly string[],
): Promise<Kysely<Database>> {
  const { db, replica: routing } = ctx.services;
  if (!routing) return db;
  let position: number;
  try {
    position = await routing.marks.highest(scopes);
  } catch (err) {
    ctx.logger.warn({ err, requestId: ctx.requestId }, "write marks unavailable; reading primary");
    return db;
  }
  return (await routing.replica.hasReplayed(position)) ? routing.replica.db : db;
}
