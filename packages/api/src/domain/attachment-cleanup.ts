import type { Database, Kysely } from "@tesseract/db";
import type { Storage } from "@tesseract/storage";

const UNFINISHED = ["pending", "processing", "failed"] as const;

/**
 * Deletes uploads abandoned before `olderThan`: started but never completed (pending), left
 * mid-check by a crash (processing), or refused (failed). Each row is deleted first, in one
 * statement that also re-checks its state, then its objects: a completion racing the cleanup
 * then finds no row (NOT_FOUND) instead of making ready an attachment whose object is gone.
 * Ready attachments are never touched. Returns how many it deleted (at most `limit` a run).
 */
export async function cleanupStaleUploads(
  db: Kysely<Database>,
  storage: Storage,
  options: { olderThan: Date; limit?: number },
): Promise<number> {
  const stale = await db
    .selectFrom("attachments")
    .select("id")
    .where("status", "in", UNFINISHED)
    .where("created_at", "<", options.olderThan)
    .orderBy("created_at")
    .limit(options.limit ?? 100)
    .execute();
  let deleted = 0;
  for (const { id } of stale) {
    const row = await db
      .deleteFrom("attachments")
      .where("id", "=", id)
      .where("status", "in", UNFINISHED)
      .returning(["storage_key", "thumbnail_key"])
      .executeTakeFirst();
    if (!row) continue;
    deleted++;
    for (const key of [row.storage_key, row.thumbnail_key]) if (key) await storage.remove(key);
  }
  return deleted;
}
