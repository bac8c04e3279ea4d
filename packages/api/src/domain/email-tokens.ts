import type { Database, Kysely, Transaction } from "@tesseract/db";
import { newSecret, sha256 } from "../auth/secrets.ts";

export type EmailTokenPurpose = "verify_email" | "reset_password";

const LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 3_600_000,
  reset_password: 3_600_000,
};

/**
 * Issues a single-use link token; earlier unused ones for the same purpose stop working. Both
 * writes must land together, so it runs inside the caller's transaction.
 */
export async function issueEmailToken(
  trx: Transaction<Database>,
  userId: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<string> {
  const { secret, hash } = newSecret();
  await trx
    .updateTable("email_tokens")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
  await trx
    .insertInto("email_tokens")
    .values({
      user_id: userId,
      purpose,
      token_hash: hash,
      expires_at: new Date(now.getTime() + LIFETIME_MS[purpose]),
    })
    .execute();
  return secret;
}

/** Marks a token used and returns its user, or undefined when it is unknown, used or expired. */
export async function consumeEmailToken(
  db: Kysely<Database>,
  secret: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<string | undefined> {
  // One UPDATE decides: two concurrent uses of one link cannot both succeed.
  const row = await db
    .updateTable("email_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", sha256(secret))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id;
}
