import { sql, type Database, type Kysely } from "@tesseract/db";
import type { Storage } from "@tesseract/storage";

/**
 * Deletes the stored files of exports that expired before `now`, oldest first, at most
 * `limit` a call, and records each as deleted (`s3_key` cleared, `file_deleted_at` set); the
 * rows stay, listed as expired. The object goes first, then the row is marked: a crash between
 * the two leaves the row to the next run, which deletes the (already gone) object again.
 * Returns how many files it deleted.
 */
export async function deleteExpiredExportFiles(
  db: Kysely<Database>,
  storage: Storage,
  options: { now: Date; limit?: number },
): Promise<number> {
  const expired = await db
    .selectFrom("exports")
    .select(["id", "s3_key"])
    .where("s3_key", "is not", null)
    .where("expires_at", "<=", options.now)
    .orderBy("expires_at")
    .limit(options.limit ?? 100)
    .execute();
  let deleted = 0;
  for (const { id, s3_key: key } of expired) {
    await storage.remove(key!);
    const marked = await db
      .updateTable("exports")
      .set({ s3_key: null, file_deleted_at: sql<Date>`now()` })
      .where("id", "=", id)
      .where("s3_key", "=", key)
      .executeTakeFirst();
    if (marked.numUpdatedRows > 0n) deleted++;
  }
  return deleted;
}
