import { randomUUID } from "node:crypto";
import { tracked, type TrackedEnvelope } from "@trpc/server";
import type { DomainEvent, PresenceScope } from "@tesseract/validators";
import superjson from "superjson";
import { Inbox } from "./inbox.ts";
import { checkIn, openSubscription, watchAccess, type LiveContext } from "./stream.ts";

/** A viewer counts as present this long after its last heartbeat (a crashed server's go stale). */
const PRESENCE_TTL_MS = 30_000;
const HEARTBEAT_MS = 10_000;

type PresenceEvent = Extract<DomainEvent, { type: "presence" }>;

const scopeKey = (orgId: string, scope: PresenceScope) =>
  `presence:${orgId}:${"projectId" in scope ? `project:${scope.projectId}` : `task:${scope.taskId}`}`;

/**
 * Who is viewing a board or a task. Each viewing subscription is a member of a Redis sorted set
 * scored by when it goes stale, renewed by a heartbeat; every join, heartbeat and leave sends
 * the current viewers to the scope's subscribers on every instance (a signal: presence is not
 * replayed). A person with two tabs open is listed once.
 */
export async function* presenceEvents(
  ctx: LiveContext,
  options: {
    orgId: string;
    scope: PresenceScope;
    authorize: () => Promise<void>;
    signal: AbortSignal | undefined;
  },
): AsyncGenerator<TrackedEnvelope<PresenceEvent>> {
  const { bus } = ctx.services.live;
  const redis = ctx.services.redis.client;
  const key = scopeKey(options.orgId, options.scope);
  const me = JSON.stringify({
    personId: ctx.auth.user.id,
    name: ctx.auth.user.name,
    at: randomUUID(),
  });
  const release = openSubscription(ctx);
  // Only the newest list matters: a reader that falls behind skips to it.
  const inbox = new Inbox<string>(1);
  const stopListening = bus.listen(key, (message) => {
    if (message === "reset") return;
    inbox.drain();
    inbox.push(message.payload);
  });
  const stopWatching = watchAccess(ctx, inbox, options.signal);
  const announce = async (present: boolean) => {
    const now = ctx.services.now().getTime();
    if (present) await redis.zadd(key, now + PRESENCE_TTL_MS, me);
    else await redis.zrem(key, me);
    await redis.zremrangebyscore(key, "-inf", now);
    await redis.pexpire(key, PRESENCE_TTL_MS * 2);
    const viewers = new Map<string, string>();
    for (const raw of await redis.zrange(key, 0, -1)) {
      const viewer = JSON.parse(raw) as { personId: string; name: string };
      viewers.set(viewer.personId, viewer.name);
    }
    const event: Omit<PresenceEvent, "id"> = {
      type: "presence",
      orgId: options.orgId,
      at: new Date(now),
      actor: { personId: ctx.auth.user.id, name: ctx.auth.user.name },
      scope: options.scope,
      viewers: [...viewers].map(([personId, name]) => ({ personId, name })),
    };
    await bus.signal(key, superjson.stringify(event));
  };
  const heartbeat = setInterval(() => {
    announce(true).catch((err: unknown) => {
      ctx.logger.warn({ err }, "presence heartbeat failed");
    });
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let sequence = 0;
  try {
    await announce(true);
    while (!options.signal?.aborted) {
      await checkIn(ctx, inbox, options.authorize);
      const payload = await inbox.next(options.signal);
      if (payload === undefined) continue;
      const id = `${Date.now()}-${sequence++}`;
      yield tracked(id, { ...superjson.parse<Omit<PresenceEvent, "id">>(payload), id });
    }
  } finally {
    clearInterval(heartbeat);
    stopListening();
    stopWatching();
    release();
    await announce(false).catch(() => undefined);
  }
}
