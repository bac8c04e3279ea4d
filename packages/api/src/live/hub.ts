import type { Config, Logger } from "@tesseract/config";
import { createLiveBus, type LiveBus, type RedisHandle, type SessionStore } from "@tesseract/redis";
import { LiveConnectionCounter } from "./connection.ts";
import { signalAuthChange } from "./publish.ts";

/** What live updates need in a process: the bus, the connection counts, the limits. */
export interface LiveHub {
  bus: LiveBus;
  connections: LiveConnectionCounter;
  limits: Config["live"];
  logger: Logger;
}

/** The bus over Redis (pub/sub and streams), or in-process on the embedded stand-in. */
export async function createLiveHub(
  config: Config,
  redis: RedisHandle,
  logger: Logger,
): Promise<LiveHub> {
  const bus = await createLiveBus(redis, { replayLength: config.live.replayLength, logger });
  if (bus.kind === "memory")
    logger.warn({}, "live updates: in-process bus (single instance; set REDIS_URL for Redis)");
  return {
    bus,
    connections: new LiveConnectionCounter(config.live.maxConnectionsPerPerson),
    limits: config.live,
    logger,
  };
}

/**
 * The session store, telling open live streams when a person's sessions end (sign-out, a
 * revocation, a password change, a disabled account): every path that ends a session goes
 * through these two methods, so none can leave a stream open on a dead session.
 */
export function signallingRevocations(
  sessions: SessionStore,
  services: Parameters<typeof signalAuthChange>[0],
): SessionStore {
  const signal = (userId: string) => signalAuthChange(services, userId);
  return {
    ...sessions,
    async revoke(userId, id) {
      const revoked = await sessions.revoke(userId, id);
      await signal(userId);
      return revoked;
    },
    async revokeAll(userId, options) {
      const count = await sessions.revokeAll(userId, options);
      await signal(userId);
      return count;
    },
  };
}
