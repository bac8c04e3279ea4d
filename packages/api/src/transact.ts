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
