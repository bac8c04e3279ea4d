import type { Database, Kysely, Transaction } from "@tesseract/db";
import type { Role } from "@tesseract/validators";
import { compiledOnce } from "./compiled-query.ts";

// Every organization request that memory cannot answer reads it: compiled once.
const membershipRole = compiledOnce((db, orgId: string, userId: string) =>
  db
    .selectFrom("memberships")
    .select("role")
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId),
);

export async function findMembershipRole(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
): Promise<Role | undefined> {
  const [row] = await membershipRole(db, orgId, userId);
  return row?.role as Role | undefined;
}

/**
 * Counts the owners, locking their rows for the rest of the transaction, so two concurrent
 * demotions or departures cannot both see "another owner remains" and leave none.
 */
export async function countOwners(trx: Transaction<Database>, orgId: string): Promise<number> {
  const owners = await trx
    .selectFrom("memberships")
    .select("user_id")
    .where("org_id", "=", orgId)
    .where("role", "=", "owner")
    .forUpdate()
    .execute();
  return owners.length;
}
