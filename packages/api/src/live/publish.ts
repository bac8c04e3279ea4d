import type { Logger } from "@tesseract/config";
import type { DomainEvent, DomainEventDraft } from "@tesseract/validators";
import superjson from "superjson";
import { orgAccess, personAccess } from "../auth/caller-cache.ts";
import type { Auth } from "../auth/credentials.ts";
import type { Context } from "../context.ts";
import type { Services } from "../services.ts";
import { afterCommit } from "../transact.ts";

/** The bus key of an organization's stream (every org event) and of a person's (live.me). */
export const orgStream = (orgId: string) => `org:${orgId}`;
export const personStream = (personId: string) => `person:${personId}`;
/** Control signals about a person's credentials: never buffered, never sent to clients. */
export const authSignals = personAccess;

/** Events a person's own stream (`live.me`) carries, besides notifications. */
const PERSONAL = new Set<DomainEvent["type"]>([
  "notification.created",
  "member.added",
  "member.removed",
  "member.role_changed",
]);

/**
 * Who publishes: a request's context, whose logger writes the request's fields (request id,
 * procedure, person, organization) on a failure's line, or the services alone (a job's lines
 * get its fields from its log scope; the process's own from nowhere).
 */
export type Publisher<S extends Pick<Services, "live">> = S | { services: S; logger: Logger };

function publisher<S extends Pick<Services, "live">>(from: Publisher<S>) {
  return "services" in from ? from : { services: from, logger: from.live.logger };
}

export const encodeEvent = (event: DomainEventDraft): string => superjson.stringify(event);
export const decodeEvent = (payload: string, id: string): DomainEvent => ({
  ...superjson.parse<DomainEventDraft>(payload),
  id,
});

/**
 * Publishes events that happened. Call it only after the change committed (never inside the
 * transaction), so a rolled-back change is never announced. Live updates are best effort: a
 * failure (Redis unreachable) is logged, never turned into a failed request for a change that
 * was made; clients that miss events resynchronise when their stream resets.
 */
export async function publishEvent(
  from: Publisher<Pick<Services, "live">>,
  events: DomainEventDraft | readonly DomainEventDraft[],
): Promise<void> {
  const { services, logger } = publisher(from);
  const list: readonly DomainEventDraft[] = "type" in events ? [events] : events;
  try {
    for (const event of list) {
      const payload = encodeEvent(event);
      if (event.type !== "notification.created")
        await services.live.bus.publish(orgStream(event.orgId), payload);
      if (PERSONAL.has(event.type) && "personId" in event)
        await services.live.bus.publish(personStream(event.personId), payload);
    }
  } catch (err) {
    logger.warn({ err }, "live update not published");
  }
}

/**
 * Publishes an event that concerns one person and no organization (their own-data export's
 * progress) on that person's stream only (`live.me`). Best effort, as publishEvent.
 */
export async function publishPersonalEvent(
  from: Publisher<Pick<Services, "live">>,
  personId: string,
  event: DomainEventDraft,
): Promise<void> {
  const { services, logger } = publisher(from);
  await services.live.bus
    .publish(personStream(personId), encodeEvent(event))
    .catch((err: unknown) => {
      logger.warn({ err }, "live update not published");
    });
}

/**
 * Tells every instance that a person's credentials or access changed: open streams re-check,
 * and what instances remember of the person (auth/caller-cache.ts) is dropped — here before
 * this returns, elsewhere as the signal arrives. Call it after the change is visible (the
 * session gone from Redis, the transaction committed), so no instance can refill the old state.
 */
export async function signalAuthChange(
  from: Publisher<Pick<Services, "live" | "callers">>,
  personId: string,
): Promise<void> {
  await signalAccess(from, authSignals(personId));
}

/** The same for everyone's access to an organization (it was deleted). */
export async function signalOrgAccessChange(
  from: Publisher<Pick<Services, "live" | "callers">>,
  orgId: string,
): Promise<void> {
  await signalAccess(from, orgAccess(orgId));
}

async function signalAccess(from: Publisher<Pick<Services, "live" | "callers">>, key: string) {
  const { services, logger } = publisher(from);
  const sent = services.callers
    ? services.callers.invalidate(key)
    : services.live.bus.signal(key, "changed");
  await sent.catch((err: unknown) => {
    logger.warn({ err }, "live access change not signalled");
  });
}

type Actor = DomainEventDraft["actor"];

/** What every event of a request carries: its organization, time and actor. */
export interface EventBase {
  orgId: string;
  at: Date;
  actor: Actor;
}

/** The event's actor: the person behind the session or token. */
export function eventActor(auth: Auth): Actor {
  return { personId: auth.user.id, name: auth.user.name };
}

/**
 * Runs a committed change's work and publishes the events its result describes, before the
 * procedure answers (so a client that got the answer can count on the event being on its way).
 */
export async function withEvents<T>(
  ctx: Context & { auth: Auth; org: { orgId: string } },
  work: Promise<T>,
  toEvents: (result: T, base: EventBase) => DomainEventDraft | readonly DomainEventDraft[],
): Promise<T> {
  const result = await work;
  const base = { orgId: ctx.org.orgId, at: ctx.services.now(), actor: eventActor(ctx.auth) };
  const events = toEvents(result, base);
  const publish = () => publishEvent(ctx, events);
  const held = ctx.afterInvalidation;
  // Once committed; and where the procedure invalidates cached reads, once that is done too.
  await afterCommit(
    ctx,
    held
      ? () => {
          held.push(publish);
          return Promise.resolve();
        }
      : publish,
  );
  return result;
}
