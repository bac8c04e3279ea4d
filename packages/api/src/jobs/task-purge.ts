import type { Database, Kysely } from "@tesseract/db";
import type { Storage } from "@tesseract/storage";
import { removeAttachmentObjects } from "../domain/attachments.ts";
import { claimDeletedTasks } from "../domain/task-trash.ts";

/**
 * Removes for good up to `limit` tasks deleted before `olderThan`, then their files; resolves
 * with how many. The periodic cleanup job runs it in batches (see handlers.ts).
 */
export async function purgeDeletedTasks(
  db: Kysely<Database>,
  storage: Storage,
  options: { olderThan: Date; limit: number },
): Promise<number> {
  const { count, keys } = await db.transaction().execute((trx) => claimDeletedTasks(trx, options));
  await removeAttachmentObjects(storage, keys);
  return count;
}
