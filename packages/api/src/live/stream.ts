import { compareEventIds, type BusMessage } from "@tesseract/redis";
import { getTRPCErrorFromUnknown, tracked, TRPCError, type TrackedEnvelope } from "@trpc/server";
import type { DomainEvent } from "@tesseract/validators";
import type { Auth } from "../auth/credentials.ts";
import type { Context } from "../context.ts";
import { clientError } from "../trpc.ts";
import { Inbox } from "./inbox.ts";
import { authSignals, decodeEvent } from "./publish.ts";

/** Messages a subscription holds for a client that has not taken them, at most. */
export const INBOX_MAX = 1_000;
/** Access is re-checked this often even without a signal (a lost one, a token's expiry). */
const RECHECK_EVERY_MS = 30_000;

export type LiveContext = Context & { auth: Auth };

export interface StreamOptions {
  /** The bus key the events come from (an organization's or a person's stream). */
  key: string;
  /** The organization named on a `stream.reset` ("" for a person's own stream). */
  orgId: string;
  lastEventId?: string | null | undefined;
  /** Which of the stream's events this subscription forwards. */
  accept(event: DomainEvent): boolean;
  /** Throws when the caller may no longer read this stream: the stream then ends with it. */
  authorize: () => Promise<void>;
  signal: AbortSignal | undefined;
}

const TOO_SLOW = "Dropped: the client did not read its events fast enough";

/**
 * Counts the subscription on its connection (refusing one past the limit) and, for SSE, where
 * each stream is a connection, takes one of the person's connection slots. Returns the release.
 */
export function openSubscription(ctx: LiveContext): () => void {
  const { live } = ctx.services;
  const connection = ctx.live;
  if (!connection) return () => undefined;
  if (connection.subscriptions >= live.limits.maxSubscriptionsPerConnection)
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `At most ${live.limits.maxSubscriptionsPerConnection} subscriptions per connection`,
    });
  if (connection.transport === "sse" && !connection.release) {
    const release = live.connections.acquire(ctx.auth.user.id);
    if (!release)
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `At most ${live.limits.maxConnectionsPerPerson} live connections per person`,
      });
    connection.release = release;
  }
  connection.subscriptions++;
  return () => {
    connection.subscriptions--;
    if (connection.transport === "sse") connection.release?.();
  };
}

/** Wakes the inbox on the person's access signals and every RECHECK_EVERY_MS; returns the stop. */
export function watchAccess(ctx: LiveContext, inbox: Inbox<unknown>, signal?: AbortSignal) {
  const stop = ctx.services.live.bus.listen(authSignals(ctx.auth.user.id), () => {
    inbox.nudge();
  });
  const timer = setInterval(() => {
    inbox.nudge();
  }, RECHECK_EVERY_MS);
  timer.unref();
  const onAbort = () => {
    inbox.notify();
  };
  signal?.addEventListener("abort", onAbort);
  return () => {
    stop();
    clearInterval(timer);
    signal?.removeEventListener("abort", onAbort);
  };
}

/** Drops a connection whose client reads too slowly (or overflowed its inbox), with the reason. */
export function dropIfSlow(ctx: LiveContext, inbox: Inbox<unknown>): void {
  const connection = ctx.live;
  const behind =
    inbox.overflowed ||
    (connection !== undefined &&
      connection.unreadBytes() > ctx.services.live.limits.maxBufferedBytes);
  if (!behind) return;
  ctx.logger.warn({ connection: connection?.id, requestId: ctx.requestId }, TOO_SLOW);
  connection?.drop(TOO_SLOW);
  throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: TOO_SLOW });
}

/**
 * What a subscription does before it waits for its next message: drop a client that fell
 * behind, and re-check access when something asked for it.
 */
export async function checkIn(
  ctx: LiveContext,
  inbox: Inbox<unknown>,
  authorize: () => Promise<void>,
): Promise<void> {
  dropIfSlow(ctx, inbox);
  if (inbox.nudged) {
    inbox.nudged = false;
    await authorize();
  }
}

/**
 * A subscription's events: those after `lastEventId` from the replay buffer first, then live
 * ones, each once and in order (the listener starts before the replay is read, and ids at or
 * before the last one sent are skipped). Access is re-checked whenever the person's access
 * changes (a removal or role change in the stream, a revoked session or token), and the stream
 * ends when it no longer holds.
 *
 * The listener is registered here, when the procedure answers, not when the stream is first
 * read: the transport tells the client it is connected between the two, and an event published
 * in that gap would otherwise be missed by a client that trusts "connected". A limit refused
 * here is an error answer, not an error inside an opened stream. What is registered is released
 * when the stream ends, or when its request is aborted even if it was never read.
 */
export function liveEvents(
  ctx: LiveContext,
  options: StreamOptions,
): AsyncGenerator<TrackedEnvelope<DomainEvent>> {
  const release = openSubscription(ctx);
  const inbox = new Inbox<BusMessage | "reset">(INBOX_MAX);
  const stopListening = ctx.services.live.bus.listen(options.key, (message) => {
    if (!inbox.push(message)) ctx.live?.drop(TOO_SLOW);
  });
  const stopWatching = watchAccess(ctx, inbox, options.signal);
  let isClosed = false;
  const close = () => {
    if (isClosed) return;
    isClosed = true;
    options.signal?.removeEventListener("abort", close);
    stopListening();
    stopWatching();
    release();
  };
  if (options.signal?.aborted) close();
  else options.signal?.addEventListener("abort", close);
  return withClientErrors(ctx, relay(ctx, options, inbox, close));
}

/**
 * A stream's own failures, answered as a procedure's are (`clientError`): they happen after
 * the procedure ladder returned the stream, so its error boundary never sees them, and a
 * replay read or an access check that met Redis or PostgreSQL down would end the stream with a
 * bare 500 instead of "try again" (503).
 */
export async function* withClientErrors<T>(
  ctx: LiveContext,
  stream: AsyncGenerator<T>,
): AsyncGenerator<T> {
  try {
    yield* stream;
  } catch (cause) {
    const path = ctx.logFields.procedure ?? "live";
    throw clientError(ctx, getTRPCErrorFromUnknown(cause), { path, type: "subscription" });
  }
}

async function* relay(
  ctx: LiveContext,
  options: StreamOptions,
  inbox: Inbox<BusMessage | "reset">,
  close: () => void,
): AsyncGenerator<TrackedEnvelope<DomainEvent>> {
  const personId = ctx.auth.user.id;
  const { bus } = ctx.services.live;
  const reset = (id: string): TrackedEnvelope<DomainEvent> =>
    tracked(id, {
      type: "stream.reset",
      id,
      orgId: options.orgId,
      at: new Date(),
      actor: { personId: null, name: null },
    });
  try {
    let last = options.lastEventId ?? undefined;
    if (last) {
      const page = await bus.since(options.key, last, ctx.services.live.limits.replayLength);
      // After a reset the client refetches; it resumes from the newest id the page knew of
      // (an expired buffer's included), so that its next reconnection is not a reset again.
      const { newest } = page;
      if (!page.complete) yield reset(newest);
      else
        for (const entry of page.entries) {
          const event = decodeEvent(entry.payload, entry.id);
          if (options.accept(event)) yield tracked(entry.id, event);
        }
      last = newest;
    }
    while (!options.signal?.aborted) {
      await checkIn(ctx, inbox, options.authorize);
      const message = await inbox.next(options.signal);
      if (message === undefined) continue;
      if (message === "reset") {
        yield reset(last ?? "0-0");
        continue;
      }
      if (message.id === null || (last && compareEventIds(message.id, last) <= 0)) continue;
      last = message.id;
      const event = decodeEvent(message.payload, message.id);
      // A change to this person's membership: check access before sending anything more.
      if (event.type.startsWith("member.") && "personId" in event && event.personId === personId)
        await options.authorize();
      if (!options.accept(event)) continue;
      dropIfSlow(ctx, inbox);
      yield tracked(message.id, event);
    }
  } finally {
    close();
  }
}
