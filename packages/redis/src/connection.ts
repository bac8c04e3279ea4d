import { loadEmbeddedModule, type Logger } from "@tesseract/config";
import { Redis, ReplyError } from "ioredis";

export type RedisKind = "redis" | "memory";

export interface RedisOptions {
  /** A redis:// URL; without one, an in-process stand-in (single instance only). */
  url: string | undefined;
  /** Prepended to every key, so deployments and test files never see each other's data. */
  keyPrefix: string;
  logger: Logger;
  /** Milliseconds a command may take before it fails (default 1000). */
  commandTimeoutMs?: number;
}

export interface RedisHandle {
  client: Redis;
  kind: RedisKind;
  /** Round-trips PING; rejects when Redis is unreachable or slow. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the Redis connection with bounds everywhere: a command that cannot be sent fails at
 * once (no offline queue), one that was sent fails after `commandTimeoutMs`, and reconnects
 * back off to 2 s. A frozen or stopped Redis therefore fails requests quickly instead of
 * stalling them; each caller decides whether that failure is open (cache) or closed (limits).
 */
export async function createRedis(options: RedisOptions): Promise<RedisHandle> {
  if (!options.url) return createMemoryRedis(options);
  const client = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    lazyConnect: true,
    connectTimeout: 2_000,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  let lastError = "";
  client.on("error", (error: Error) => {
    // ioredis emits on every failed reconnect; log each distinct failure once.
    if (error.message !== lastError) options.logger.warn({ err: error }, "redis connection error");
    lastError = error.message;
  });
  client.on("ready", () => {
    lastError = "";
  });
  try {
    await client.connect();
  } catch (error) {
    // Start anyway: readiness reports Redis as down and ioredis keeps reconnecting.
    options.logger.error({ err: error }, "redis unreachable at start-up");
  }
  return {
    client,
    kind: "redis",
    ping: async () => {
      await client.ping();
    },
    close: async () => {
      if (client.status === "end") return;
      await client.quit().catch(() => {
        client.disconnect();
      });
    },
  };
}

async function createMemoryRedis(options: RedisOptions): Promise<RedisHandle> {
  options.logger.warn(
    {},
    "embedded redis: an in-process stand-in; sessions, cache and rate limits are NOT shared between instances (set REDIS_URL for Redis)",
  );
  // Loaded only when used: services mode never pays for it, and production installs omit it.
  const { default: RedisMock } = await loadEmbeddedModule(() => import("ioredis-mock"), {
    name: "ioredis-mock",
    role: "the in-process Redis stand-in",
    variable: "REDIS_URL",
  });
  const client = new RedisMock({ keyPrefix: options.keyPrefix });
  return {
    client,
    kind: "memory",
    ping: async () => {
      await client.ping();
    },
    close: async () => {
      client.disconnect();
      return Promise.resolve();
    },
  };
}

// What ioredis rejects a command with when Redis cannot answer it: not connected (no offline
// queue), sent but unanswered within commandTimeout, cut off with the connection, or out of
// reconnection retries. Its own messages, without a code; socket errors carry theirs.
const UNAVAILABLE_MESSAGES = new Set([
  "Stream isn't writeable and enableOfflineQueue options is false",
  "Command timed out",
  "Connection is closed.",
]);
// Replies of a server that is up but cannot serve yet: loading its data set after a restart,
// or a replica that lost its primary.
const UNAVAILABLE_REPLIES = /^(LOADING|MASTERDOWN|TRYAGAIN|CLUSTERDOWN)\b/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

/**
 * Whether an error means "Redis cannot be reached right now", so the same request works once
 * it is back (503 and Retry-After), rather than "this command is wrong" (a bug: 500). Looks
 * through a few levels of `cause`, where a caller may have wrapped it.
 */
export function isRedisUnavailable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current.name === "MaxRetriesPerRequestError") return true;
    if (UNAVAILABLE_MESSAGES.has(current.message)) return true;
    if (current instanceof ReplyError && UNAVAILABLE_REPLIES.test(current.message)) return true;
    const { code } = current as { code?: unknown };
    if (typeof code === "string" && SOCKET_CODES.has(code)) return true;
    current = current.cause;
  }
  return false;
}
