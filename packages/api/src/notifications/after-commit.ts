import type { Database, Transaction } from "@tesseract/db";
import type { Services } from "../services.ts";

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
 * `joining` is the request's open transaction when a policy opened one (an Idempotency-Key's,
 * see `transact`): the work runs in it, and the step after it runs as the work ends, moments
 * before that transaction commits (it publishes nothing yet; a live event bus added there
 * must wait for the policy's commit).
 */
export async function transactWithNotifications<T>(
  services: Services,
  work: (trx: Transaction<Database>, notifications: NotificationSink) => Promise<T>,
  joining?: Transaction<Database>,
): Promise<T> {
  const notified = new Map<string, Set<string>>();
  const sink: NotificationSink = {
    created(orgId, personIds) {
      const people = notified.get(orgId) ?? new Set<string>();
      for (const id of personIds) people.add(id);
      if (people.size > 0) notified.set(orgId, people);
    },
  };
  const result = await (joining
    ? work(joining, sink)
    : services.db.transaction().execute((trx) => work(trx, sink)));
  if (notified.size > 0) await afterNotificationsCreated(services, notified);
  return result;
}

/**
 * The one step after a commit that created notifications. Nothing caches a person's inbox or
 * unread count (the web re-reads `notification.unreadCount` on focus and on an interval), so
 * there is nothing to invalidate yet; this is where a live event bus publishes
 * `notification.created { personId, unread }` to each person, so their bell updates at once.
 */
export function afterNotificationsCreated(
  _services: Services,
  _notified: NotifiedPeople,
): Promise<void> {
  return Promise.resolve();
}
