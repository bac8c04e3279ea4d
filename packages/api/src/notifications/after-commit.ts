import type { Logger } from "@tesseract/config";
import type { Database, Transaction } from "@tesseract/db";
import { countUnread } from "../domain/notification-inbox.ts";
import { publishEvent } from "../live/publish.ts";
import type { Context } from "../context.ts";
import type { Services } from "../services.ts";
import { afterCommit, runTransaction } from "../transact.ts";

/**
 * The port domain code reports new notifications through: who was told, in which
 * organization. Domain functions call it inside their transaction; what it collected is acted
 * on only after that transaction commits (a rolled-back change told no one).
 */
export interface NotificationSink {
  created(orgId: string, personIds: Iterable<string>): void;
}

/** Who got new notifications in one committed change, by organization. */
export type NotifiedPeople = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Runs `work` in one transaction with a sink bound to it, then, once it has committed, calls
 * `afterNotificationsCreated` with everyone it notified. A failed transaction calls nothing.
 * `joining` is the procedure's context: when a policy opened the request's transaction (an
 * Idempotency-Key's, see `transact`), the work runs in it and the step waits for its commit;
 * a failure to publish is then logged with the request's fields (its logger's).
 */
export async function transactWithNotifications<T>(
  services: Services,
  work: (trx: Transaction<Database>, notifications: NotificationSink) => Promise<T>,
  joining: Pick<Context, "transaction" | "afterCommit"> & { logger?: Logger } = {},
): Promise<T> {
  let notified = new Map<string, Set<string>>();
  // Each run of the transaction (runTransaction runs it again after a deadlock) tells afresh:
  // a rolled-back run told no one.
  const attempt = (trx: Transaction<Database>) => {
    const told = (notified = new Map<string, Set<string>>());
    const sink: NotificationSink = {
      created(orgId, personIds) {
        const people = told.get(orgId) ?? new Set<string>();
        for (const id of personIds) people.add(id);
        if (people.size > 0) told.set(orgId, people);
      },
    };
    return work(trx, sink);
  };
  const result = await (joining.transaction
    ? attempt(joining.transaction)
    : runTransaction(services.db, attempt));
  if (notified.size > 0)
    await afterCommit(joining, () =>
      afterNotificationsCreated(services, notified, joining.logger ?? services.live.logger),
    );
  return result;
}

/**
 * The one step after a commit that created notifications: each person told gets
 * `notification.created { unread }` on their own live stream (`live.me`), so their bell updates
 * at once. Best effort, like every live event: the change has committed, so a failure here is
 * logged and the bell catches up on its next refresh.
 */
export async function afterNotificationsCreated(
  services: Services,
  notified: NotifiedPeople,
  logger: Logger = services.live.logger,
): Promise<void> {
  const at = services.now();
  for (const [orgId, people] of notified) {
    for (const personId of people) {
      try {
        const { unread } = await countUnread(services.db, { orgId, userId: personId });
        await publishEvent(
          { services, logger },
          {
            type: "notification.created",
            orgId,
            at,
            actor: { personId: null, name: null },
            personId,
            unread,
          },
        );
      } catch (err) {
        logger.warn({ err, orgId }, "notification event not published");
      }
    }
  }
}
