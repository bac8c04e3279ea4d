import { sql, type Database, type Kysely, type Transaction } from "@tesseract/db";
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_TTL_HOURS } from "@tesseract/validators";
import { AppError } from "../errors.ts";

/** One caller's key on one procedure (the record's primary key). */
export interface IdempotencyScope {
  userId: string;
  procedure: string;
  /** SHA-256 of the key: the key itself is never stored. */
  keyHash: string;
}

export interface StoredIdempotencyRecord {
  requestHash: string;
  response: Buffer;
}

const TTL_MS = IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000;
/** How long a request waits for another one holding the same key before it answers 409. */
const WAIT_FOR_HOLDER = "10s";
/** PostgreSQL's lock_not_available: the wait above ran out. */
const LOCK_NOT_AVAILABLE = "55P03";

/**
 * Claims a key for this transaction: true when the caller may do the work (no record, or only
 * an expired one). A concurrent claim of the same key waits on the primary key's index until
 * this transaction ends, then finds the committed record (or claims it, after a rollback).
 * That wait is bounded: past WAIT_FOR_HOLDER it fails with CONFLICT ("in progress").
 * The placeholder response is replaced by `saveIdempotentResponse` before the commit.
 */
export async function claimIdempotencyKey(
  trx: Transaction<Database>,
  scope: IdempotencyScope,
  requestHash: string,
  now: Date,
): Promise<boolean> {
  await sql`set local lock_timeout = ${sql.lit(WAIT_FOR_HOLDER)}`.execute(trx);
  let claimed: unknown;
  try {
    claimed = await insertClaim(trx, scope, requestHash, now);
  } catch (err) {
    if ((err as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw err;
    throw new AppError(
      "CONFLICT",
      `A request with this ${IDEMPOTENCY_KEY_HEADER} is still in progress; retry shortly`,
      { cause: err },
    );
  }
  // The work that follows takes its own locks with the server's usual patience.
  await sql`set local lock_timeout = default`.execute(trx);
  return claimed !== undefined;
}

function insertClaim(
  trx: Transaction<Database>,
  scope: IdempotencyScope,
  requestHash: string,
  now: Date,
) {
  const expiresAt = new Date(now.getTime() + TTL_MS);
  return trx
    .insertInto("idempotency_keys")
    .values({
      user_id: scope.userId,
      procedure: scope.procedure,
      key_hash: scope.keyHash,
      request_hash: requestHash,
      response: Buffer.alloc(0),
      created_at: now,
      expires_at: expiresAt,
    })
    .onConflict((oc) =>
      oc
        .columns(["user_id", "procedure", "key_hash"])
        .doUpdateSet({
          request_hash: requestHash,
          response: Buffer.alloc(0),
          created_at: now,
          expires_at: expiresAt,
        })
        .where("idempotency_keys.expires_at", "<=", now),
    )
    .returning("user_id")
    .executeTakeFirst();
}

export async function findIdempotencyRecord(
  db: Kysely<Database>,
  scope: IdempotencyScope,
  now: Date,
): Promise<StoredIdempotencyRecord | undefined> {
  const row = await db
    .selectFrom("idempotency_keys")
    .select(["request_hash", "response"])
    .where("user_id", "=", scope.userId)
    .where("procedure", "=", scope.procedure)
    .where("key_hash", "=", scope.keyHash)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row && { requestHash: row.request_hash, response: row.response };
}

export async function saveIdempotentResponse(
  trx: Transaction<Database>,
  scope: IdempotencyScope,
  response: Buffer,
): Promise<void> {
  await trx
    .updateTable("idempotency_keys")
    .set({ response })
    .where("user_id", "=", scope.userId)
    .where("procedure", "=", scope.procedure)
    .where("key_hash", "=", scope.keyHash)
    .execute();
}

/** Deletes records expired before `now`, at most `limit`; returns how many went. */
export async function pruneIdempotencyKeys(
  db: Kysely<Database>,
  now: Date,
  limit = 1_000,
): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_keys")
    .where(
      sql<boolean>`ctid in (select ctid from idempotency_keys where expires_at <= ${now} limit ${limit})`,
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
