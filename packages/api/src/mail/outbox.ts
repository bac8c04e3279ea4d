import type { Database, Kysely, Transaction } from "@tesseract/db";
import { enqueue } from "@tesseract/queue";
import type { Context } from "../context.ts";
import { runTransaction, transact } from "../transact.ts";
import type { MailMessage } from "./mailer.ts";

/**
 * The port domain code sends mail through. A message is enqueued with the transaction that
 * caused it, and goes out only if that transaction commits: a rolled-back change sends nothing.
 */
export interface MailOutbox {
  send(trx: Transaction<Database>, message: MailMessage): Promise<void>;
}

export interface TransactionWithMail<T> {
  result: T;
  /**
   * Settles once the mail the transaction enqueued is safely on its way: true once the
   * transaction committed with its `mail.send` jobs in the outbox. The worker sends them,
   * retrying a failed SMTP send with backoff; one that keeps failing ends in the dead-letter queue.
   */
  delivered: Promise<boolean>;
}

/**
 * Runs `work` in one transaction with an outbox bound to it: each message becomes a
 * `mail.send` job written in that transaction, so it is sent if and only if the transaction
 * commits. A message enqueued with any other transaction is refused.
 */
export async function transactWithMail<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>, mail: MailOutbox) => Promise<T>,
  options: { requestId?: string } = {},
): Promise<TransactionWithMail<T>> {
  const result = await runTransaction(db, (trx) => work(trx, outboxBoundTo(trx, options)));
  return { result, delivered: Promise.resolve(true) };
}

/**
 * `transactWithMail` over a request's services, in the request's open transaction when a
 * policy opened one (see `transact`); the request id travels with the mail job.
 */
export async function transactForRequest<T>(
  ctx: Pick<Context, "services" | "requestId" | "transaction">,
  work: (trx: Transaction<Database>, mail: MailOutbox) => Promise<T>,
): Promise<TransactionWithMail<T>> {
  const options = { requestId: ctx.requestId };
  const result = await transact(ctx, (trx) => work(trx, outboxBoundTo(trx, options)));
  // Enqueued in the transaction: once it commits, the mail is on its way.
  return { result, delivered: Promise.resolve(true) };
}

function outboxBoundTo(trx: Transaction<Database>, options: { requestId?: string }): MailOutbox {
  return {
    async send(sender, message) {
      if (sender !== trx) throw new Error("mail enqueued with a transaction it is not bound to");
      await enqueue(trx, { type: "mail.send", payload: message }, options);
    },
  };
}
