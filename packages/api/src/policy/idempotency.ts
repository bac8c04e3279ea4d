import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Database, Transaction } from "@tesseract/db";
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  IDEMPOTENT_REPLAYED_HEADER,
} from "@tesseract/validators/constants";
import { sha256 } from "../auth/secrets.ts";
import type { Context } from "../context.ts";
import {
  claimIdempotencyKey,
  findIdempotencyRecord,
  saveIdempotentResponse,
  type IdempotencyScope,
} from "../domain/idempotency-keys.ts";
import { AppError, isRerunnableConflict } from "../errors.ts";
import { runTransaction } from "../transact.ts";
import { inputDigest } from "./cache.ts";

const HEADER = IDEMPOTENCY_KEY_HEADER.toLowerCase();

/** What the work answered: tRPC's middleware result, as far as this policy reads it. */
type Outcome = { ok: true; data: unknown } | { ok: false; error?: { cause?: unknown } };

/**
 * The request's `Idempotency-Key`, checked: undefined when there is none; a malformed key, or
 * one sent with a batch of several calls (a key names one call), is refused with 400.
 */
export function idempotencyKeyOf(request: Context["request"]): string | undefined {
  const key = request.headers[HEADER];
  if (key === undefined) return undefined;
  if (typeof key !== "string" || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 visible ASCII characters (a UUID, say)`,
    });
  }
  if (request.calls > 1) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${IDEMPOTENCY_KEY_HEADER} applies to one call: send this mutation on its own, not in a batch`,
    });
  }
  return key;
}

/**
 * Stripe's semantics for one call with a key: within 24 h, the same key and the same (parsed)
 * input from the same person on the same procedure return the first result without running the
 * work again; another input is refused (422). The record is written in the work's
 * transaction, so a failed call leaves none and may be retried. A second request with a key in
 * use waits for the first to end, then answers as a retry would (409 after a bounded wait).
 * Work that collided with another transaction (a deadlock) runs again, as a client's retry
 * with the same key would: `work` must start what it collects for after the commit afresh.
 */
export async function runIdempotently<T extends Outcome>(
  ctx: Pick<Context, "services" | "response"> & { auth: { user: { id: string } } },
  call: { path: string; input: unknown; key: string },
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T | { ok: true; data: unknown }> {
  const scope: IdempotencyScope = {
    userId: ctx.auth.user.id,
    procedure: call.path,
    keyHash: sha256(call.key),
  };
  const requestHash = inputDigest(call.input);
  const cipherKey = responseKey(call.key, scope);
  const now = ctx.services.now();
  const rolledBack: { outcome?: T } = {};
  try {
    return await runTransaction(ctx.services.db, async (trx) => {
      rolledBack.outcome = undefined;
      if (!(await claimIdempotencyKey(trx, scope, requestHash, now))) {
        const record = await findIdempotencyRecord(trx, scope, now);
        // Claimed and expired in between, or pruned: rare enough to ask for a retry.
        if (!record) throw new AppError("CONFLICT", "Retry this request shortly");
        if (record.requestHash !== requestHash) {
          throw new AppError(
            "UNPROCESSABLE",
            `This ${IDEMPOTENCY_KEY_HEADER} was used with another input; use a new key for a new request`,
          );
        }
        ctx.response.setHeader(IDEMPOTENT_REPLAYED_HEADER, "true");
        return { ok: true as const, data: superjson.parse(decrypt(cipherKey, record.response)) };
      }
      const outcome = await work(trx);
      if (!outcome.ok) {
        // Roll back: the record goes with the work, so a retry runs it again.
        rolledBack.outcome = outcome;
        // A collision is thrown as itself, for runTransaction to run the work again.
        const cause = outcome.error?.cause;
        throw isRerunnableConflict(cause)
          ? cause
          : new Error("idempotent call failed; rolling back");
      }
      const stored = encrypt(cipherKey, superjson.stringify(outcome.data));
      await saveIdempotentResponse(trx, scope, stored);
      return outcome;
    });
  } catch (err) {
    if (rolledBack.outcome) return rolledBack.outcome;
    throw err;
  }
}

// Results are stored encrypted with a key derived from the Idempotency-Key, which only the
// caller holds (the table keeps its hash): a new API token's secret, shown once, is not kept
// readable in the database for a day.
function responseKey(key: string, scope: IdempotencyScope): Buffer {
  const info = `tesseract idempotent response ${scope.procedure}`;
  return Buffer.from(hkdfSync("sha256", key, scope.userId, info, 32));
}

function encrypt(cipherKey: Buffer, text: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", cipherKey, iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function decrypt(cipherKey: Buffer, stored: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", cipherKey, stored.subarray(0, 12));
  decipher.setAuthTag(stored.subarray(12, 28));
  return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]).toString("utf8");
}
