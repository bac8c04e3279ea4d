import { hash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

export interface SessionRecord {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  ip: string | null;
  userAgent: string | null;
}

export interface SessionInfo extends SessionRecord {
  /** The hash of the secret: safe to show and to use for revocation, useless as a credential. */
  id: string;
}

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however active. */
  absoluteMs: number;
  now: () => number;
}

export interface SessionStore {
  /** Starts a session; the returned secret goes in the cookie and is never stored. */
  create(
    userId: string,
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<{ secret: string; session: SessionInfo }>;
  /** The live session for a cookie's secret (sliding its idle expiry), or undefined. */
  resolve(secret: string): Promise<SessionInfo | undefined>;
  list(userId: string): Promise<SessionInfo[]>;
  /** Ends one of the user's sessions; false (and nothing changes) when it is not theirs or not live. */
  revoke(userId: string, id: string): Promise<boolean>;
  revokeAll(userId: string, options?: { except?: string }): Promise<number>;
}

/** Sliding the idle expiry on every request would write on every read; once a minute is enough. */
export const SESSION_TOUCH_AFTER_MS = 60_000;
const TOUCH_AFTER_MS = SESSION_TOUCH_AFTER_MS;

// Removes a session only when its record belongs to the user, in one step, so nobody can end
// another person's session by knowing its id. A record is JSON with `userId` as its first
// field (see `serialize`), so the owner check is a prefix match (no cjson in every Redis).
// A missing record still leaves the user's index, so dead ids cannot pile up there.
const REMOVE_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if raw and string.sub(raw, 1, string.len(ARGV[2])) == ARGV[2] then
  redis.call('DEL', KEYS[1])
  redis.call('SREM', KEYS[2], ARGV[1])
  return 1
end
if not raw then redis.call('SREM', KEYS[2], ARGV[1]) end
return 0
`;

function ownerPrefix(userId: string): string {
  return `{"userId":${JSON.stringify(userId)},`;
}

function serialize(record: SessionRecord): string {
  // userId first: REMOVE_SCRIPT checks the owner by this prefix.
  const { userId, createdAt, lastSeenAt, ip, userAgent } = record;
  return JSON.stringify({ userId, createdAt, lastSeenAt, ip, userAgent });
}

export function hashSessionSecret(secret: string): string {
  // The one-shot digest: no Hash object per request (about half the cost of createHash).
  return hash("sha256", secret, "hex");
}

/**
 * Sessions in Redis: 256-bit random secrets, stored only as their SHA-256, with a sliding
 * idle expiry and an absolute lifetime checked against an injectable clock (Redis TTLs are a
 * backstop that clears dead keys). A per-user set indexes sessions for listing and revocation.
 */
export function createSessionStore(redis: Redis, policy: SessionPolicy): SessionStore {
  const sessionKey = (id: string) => `session:${id}`;
  const userKey = (userId: string) => `user-sessions:${userId}`;
  redis.defineCommand("tesseractSessionRemove", { numberOfKeys: 2, lua: REMOVE_SCRIPT });
  const removeIfOwned = (
    redis as unknown as {
      tesseractSessionRemove(
        key: string,
        indexKey: string,
        id: string,
        prefix: string,
      ): Promise<number>;
    }
  ).tesseractSessionRemove.bind(redis);

  function ttlMs(record: SessionRecord, now: number): number {
    return Math.max(
      1,
      Math.min(record.lastSeenAt + policy.idleMs, record.createdAt + policy.absoluteMs) - now,
    );
  }

  function isLive(record: SessionRecord, now: number): boolean {
    return now - record.lastSeenAt < policy.idleMs && now - record.createdAt < policy.absoluteMs;
  }

  async function read(id: string): Promise<SessionRecord | undefined> {
    const raw = await redis.get(sessionKey(id));
    return raw ? (JSON.parse(raw) as SessionRecord) : undefined;
  }

  async function remove(userId: string, id: string): Promise<boolean> {
    return (await removeIfOwned(sessionKey(id), userKey(userId), id, ownerPrefix(userId))) === 1;
  }

  return {
    async create(userId, meta) {
      const secret = randomBytes(32).toString("base64url");
      const id = hashSessionSecret(secret);
      const now = policy.now();
      const record: SessionRecord = {
        userId,
        createdAt: now,
        lastSeenAt: now,
        ip: meta.ip,
        userAgent: meta.userAgent,
      };
      await redis
        .multi()
        .set(sessionKey(id), serialize(record), "PX", ttlMs(record, now))
        .sadd(userKey(userId), id)
        .pexpire(userKey(userId), policy.absoluteMs)
        .exec();
      return { secret, session: { id, ...record } };
    },

    async resolve(secret) {
      const id = hashSessionSecret(secret);
      const record = await read(id);
      if (!record) return undefined;
      const now = policy.now();
      if (!isLive(record, now)) {
        await remove(record.userId, id);
        return undefined;
      }
      if (now - record.lastSeenAt >= TOUCH_AFTER_MS) {
        record.lastSeenAt = now;
        // XX: never resurrect a session revoked between our read and this write.
        await redis.set(sessionKey(id), serialize(record), "PX", ttlMs(record, now), "XX");
      }
      return { id, ...record };
    },

    async list(userId) {
      const ids = await redis.smembers(userKey(userId));
      const now = policy.now();
      const sessions: SessionInfo[] = [];
      for (const id of ids) {
        const record = await read(id);
        if (record && isLive(record, now)) sessions.push({ id, ...record });
        else await redis.srem(userKey(userId), id);
      }
      return sessions.sort((a, b) => b.lastSeenAt - a.lastSeenAt);
    },

    revoke: remove,

    async revokeAll(userId, options) {
      const ids = await redis.smembers(userKey(userId));
      let count = 0;
      for (const id of ids) {
        if (id === options?.except) continue;
        if (await remove(userId, id)) count++;
      }
      return count;
    },
  };
}
