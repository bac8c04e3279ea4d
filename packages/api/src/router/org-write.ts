import type { Database, Transaction } from "@tesseract/db";
import type { DomainEventDraft } from "@tesseract/validators";
import type { Actor } from "../auth/actor.ts";
import { actor } from "../auth/actor.ts";
import { withEvents, type EventBase } from "../live/publish.ts";
import { transact } from "../transact.ts";

/**
 * The usual organization write: a domain function `(trx, orgId, actor, input)` run in the
 * procedure's transaction, then its events published once that committed.
 */
export function orgWrite<Input, Result>(
  ctx: Parameters<typeof withEvents>[0] & Parameters<typeof transact>[0],
  input: Input,
  write: (trx: Transaction<Database>, orgId: string, by: Actor, input: Input) => Promise<Result>,
  toEvents: (result: Result, base: EventBase) => DomainEventDraft | readonly DomainEventDraft[],
): Promise<Result> {
  return withEvents(
    ctx,
    transact(ctx, (trx) => write(trx, ctx.org.orgId, actor(ctx), input)),
    toEvents,
  );
}
