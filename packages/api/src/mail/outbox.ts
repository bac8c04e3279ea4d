import type { Database, Kysely, Transaction } from "@tesseract/db";
import type { Context } from "../context.ts";
import type { MailMessage, Mailer } from "./mailer.ts";

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
   * Settles once the mail the transaction enqueued was handed to the mailer: true when every
   * message went out. Never rejects; a failed send is reported to `onError`.
   */
  delivered: Promise<boolean>;
}

/**
 * Runs `work` in one transaction with an outbox bound to it. The messages wait in memory and
 * reach the mailer after the commit; when `work` throws (the transaction rolls back), they are
 * dropped. A message enqueued with any other transaction is refused.
 */
export async function transactWithMail<T>(
  db: Kysely<Database>,
  mailer: Mailer,
  onError: (err: unknown) => void,
  work: (trx: Transaction<Database>, mail: MailOutbox) => Promise<T>,
): Promise<TransactionWithMail<T>> {
  const held: MailMessage[] = [];
  const result = await db.transaction().execute((trx) =>
    work(trx, {
      send(sender, message) {
        if (sender !== trx)
          return Promise.reject(new Error("mail enqueued with a transaction it is not bound to"));
        held.push(message);
        return Promise.resolve();
      },
    }),
  );
  const delivered = Promise.allSettled(held.map((message) => mailer.send(message))).then(
    (results) => {
      for (const r of results) if (r.status === "rejected") onError(r.reason);
      return results.every((r) => r.status === "fulfilled");
    },
  );
  return { result, delivered };
}

/** `transactWithMail` over a request's services, logging what could not be sent. */
export function transactForRequest<T>(
  ctx: Pick<Context, "services" | "logger" | "requestId">,
  work: (trx: Transaction<Database>, mail: MailOutbox) => Promise<T>,
): Promise<TransactionWithMail<T>> {
  const onError = (err: unknown) => {
    ctx.logger.error({ err, requestId: ctx.requestId }, "could not send email");
  };
  return transactWithMail(ctx.services.db, ctx.services.mailer, onError, work);
}
