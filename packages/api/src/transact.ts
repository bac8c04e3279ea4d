import type { Database, Transaction } from "@tesseract/db";
import type { Context } from "./context.ts";

/**
 * Runs a procedure's work in one transaction: the one a policy already opened around the
 * procedure (an `Idempotency-Key`'s record, written in the same commit), or a new one.
 */
export function transact<T>(
  ctx: Pick<Context, "services" | "transaction">,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return ctx.transaction ? work(ctx.transaction) : ctx.services.db.transaction().execute(work);
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
