import type { Database, Kysely, Transaction } from "@tesseract/db";

/**
 * Keys a task gave up when it moved to another project (WEB-3 → DES-12), kept so the old key
 * still finds it. Aliases live inside one organization: a lookup names the organization first.
 */

/**
 * Records that `key` now names the task `taskId` only as an alias. Should the key already be an
 * alias of another task (a deleted project's key reused by a new project), the latest holder
 * takes it: that is the task people last knew by it.
 */
export async function rememberOldKey(
  trx: Transaction<Database>,
  orgId: string,
  taskId: string,
  key: string,
): Promise<void> {
  await trx
    .insertInto("task_key_aliases")
    .values({ org_id: orgId, key, task_id: taskId })
    .onConflict((oc) =>
      oc.columns(["org_id", "key"]).doUpdateSet({ task_id: taskId, created_at: new Date() }),
    )
    .execute();
}

/** The id of the task that once had `key` in this organization, or undefined. */
export async function taskIdByOldKey(
  db: Kysely<Database>,
  orgId: string,
  key: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("task_key_aliases")
    .select("task_id")
    .where("org_id", "=", orgId)
    .where("key", "=", key)
    .executeTakeFirst();
  return row?.task_id;
}
