import type { Database, Kysely, Transaction } from "@tesseract/db";
import type { Context } from "./context.ts";
import { isRerunnableConflict } from "./errors.ts";

/** How many times a transaction runs at most when it keeps colliding with others. */
export const TRANSACTION_ATTEMPTS = 3;

/**
 * Runs `work` in a new transaction, and again (up to TRANSACTION_ATTEMPTS times in all) when
 * PostgreSQL rolled it back for a deadlock or a serialization failure: the rolled-back attempt
 * wrote nothing, and the other transaction has moved on by then. `work` must therefore keep
 * what it collects for after the commit inside itself, started afresh on each run; the last
 * attempt's error is thrown (errorBoundary answers it with 409, see `concurrencyError`).
 */
export function runTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return rerunOnConflict(() => db.transaction().execute(work));
}

/**
 * Runs `write` (a transaction, or one statement committed on its own) again while it fails
 * for a deadlock or a serialization failure, TRANSACTION_ATTEMPTS times in all.
 */
export async function rerunOnConflict<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRerunnableConflict(error)) throw error;
    }
  }
}

/**
 * Runs a procedure's work in one transaction: the one a policy already opened around the
 * procedure (an `Idempotency-Key`'s record, written in the same commit, which the policy runs
 * again on a collision), or a new one (`runTransaction`).
 */
export function transact<T>(
  ctx: Pick<Context, "services" | "transaction">,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return ctx.transaction ? work(ctx.transaction) : runTransaction(ctx.services.db, work);
}

/**
 * Runs `step` once the procedure's work has committed: at once when the work ran in its own
 * transaction (already committed by now), or after the policy's transaction commits when it
 * joined one. A transaction that rolls back runs none of its steps.
 */
export function afterCommit(
  ctx: Pick<Context, "transaction" | "afterCommit">,
  step: () => Promise<void>,
): Promise<void> {
  if (ctx.transaction && ctx.afterCommit) {
    ctx.afterCommit.push(step);
    return Promise.resolve();
  }
  return step();
}
