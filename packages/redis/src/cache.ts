import type { RedisHandle } from "./connection.ts";
import { trackServerLifetime } from "./server-lifetime.ts";

export interface CacheStats {
  hits: number;
  misses: number;
  /** Reads or writes skipped because Redis failed (the cache was bypassed). */
  bypassed: number;
}

export interface TagCache {
  /**
   * The cached value for `key` under the current versions of `tags`, or a way to store it.
   * Rejects when the cache cannot vouch for a value: the caller then answers uncached.
   */
  read(
    scope: string,
    tags: readonly string[],
    key: string,
  ): Promise<{ value: string } | { store(value: string, ttlSeconds: number): Promise<void> }>;
  /** Makes every entry that carries one of `tags` unreachable at once. */
  invalidate(scope: string, tags: readonly string[]): Promise<void>;
  stats: CacheStats;
}

const GENERATION_KEY = "cachegen";

// The versions (KEYS: the generation, then the tags) and the entry they name, in one step.
// ARGV[1] is the entry key up to its stamp, with the deployment's prefix: keys built inside a
// script are not prefixed by ioredis. A missing counter reads as "0" (MGET's nil is false here).
const READ_SCRIPT = `
local versions = redis.call('MGET', unpack(KEYS))
local parts = {}
for i = 1, #KEYS do parts[i] = versions[i] or '0' end
local stamp = table.concat(parts, '.')
return { stamp, redis.call('GET', ARGV[1] .. stamp) }`;

type ReadCommand = (
  numberOfKeys: number,
  ...keysThenPrefix: string[]
) => Promise<[stamp: string, value: string | null]>;

/**
 * A tag-versioned cache. Each tag has a version counter; an entry's key embeds the versions of
 * its tags when it was read, and invalidation bumps the counters. A read after an invalidation
 * therefore computes a new key and can never see the old entry — even one written late by a
 * read that raced the mutation. Old entries simply expire.
 *
 * Counters live in Redis, and Redis can lose or roll back state. Every entry key therefore also
 * carries the lifetime of the server that answered the versions (its run id and replication
 * id, server-lifetime.ts) and a global generation:
 *
 * - Restart, empty: counters start again from nothing and climb back to values seen before.
 *   An entry stored under an old value — by a read that started before the restart and stored
 *   after it — carries the old run id, which no read in the new lifetime computes.
 * - Restart from an older snapshot (or AOF): the old entries and the old counters come back
 *   together, so versions alone would aim at pre-update entries again. The new process has a
 *   new run id: every restored entry is unreachable.
 * - Failover to a replica that lags: the replica has its own run id, and takes a new
 *   replication id when promoted, so neither the entries it copied nor its stale counters can
 *   answer; the same holds when the old master comes back as a replica and is promoted again.
 *   (Writes acknowledged by a master that split from the new one are beyond any cache's reach:
 *   Redis replication is asynchronous.)
 * - Within one lifetime counters only grow, so the existing argument holds. A lifetime is
 *   trusted only for the connection it was read on (server-lifetime.ts); versions answered over
 *   another connection, as after a reconnect that resent the command, are not used. A master
 *   demoted and promoted again under open connections is noticed within a second.
 * - An invalidation that failed (Redis unreachable during the mutation) may leave entries of
 *   this lifetime reachable. The process that lost it answers uncached until it has bumped the
 *   generation, which makes every entry of every scope unreachable for every process; it retries
 *   on reconnect and on each read. Other processes can serve such an entry only until then.
 *
 * A lookup is one round trip: a script reads the versions and the entry they name together
 * (the in-process stand-in, with no network, reads them one after the other). INFO is read once
 * a second at most.
 */
export function createTagCache(redis: Pick<RedisHandle, "client" | "kind">): TagCache {
  const { client } = redis;
  const stats: CacheStats = { hits: 0, misses: 0, bypassed: 0 };
  const tagKey = (scope: string, tag: string) => `cachetag:${scope}:${tag}`;
  const server = trackServerLifetime(redis);
  // Invalidations lost so far, and how many of them a generation bump has made good.
  let lost = 0;
  let madeGood = 0;
  let makingGood: Promise<void> | undefined;

  /** Bumps the generation, covering every loss recorded before it was sent; one at a time. */
  function makeGood(): Promise<void> {
    const covers = lost;
    makingGood ??= client
      .incr(GENERATION_KEY)
      .then(() => {
        madeGood = Math.max(madeGood, covers);
      })
      .finally(() => {
        makingGood = undefined;
      });
    return makingGood;
  }
  client.on("ready", () => {
    if (lost > madeGood) makeGood().catch(() => undefined);
  });
  const prefix = client.options.keyPrefix ?? "";
  let readTogether: ReadCommand | undefined;
  if (redis.kind === "redis") {
    client.defineCommand("tesseractCacheRead", { lua: READ_SCRIPT });
    readTogether = (
      client as unknown as { tesseractCacheRead: ReadCommand }
    ).tesseractCacheRead.bind(client);
  }

  /** The stamp the current versions make, and the entry stored under it (or null). */
  async function versionsAndEntry(
    tagKeys: string[],
    entryBase: string,
  ): Promise<[string, string | null]> {
    const keys = [GENERATION_KEY, ...tagKeys];
    if (readTogether) return readTogether(keys.length, ...keys, prefix + entryBase);
    const versions = await client.mget(...keys);
    const stamp = versions.map((v) => v ?? "0").join(".");
    return [stamp, await client.get(entryBase + stamp)];
  }

  return {
    stats,
    async read(scope, tags, key) {
      while (lost > madeGood) await makeGood();
      const lifetime = await server.current();
      const entryBase = `cache:${scope}:${key}:${lifetime.id}:`;
      const [stamp, value] = await versionsAndEntry(
        tags.map((t) => tagKey(scope, t)),
        entryBase,
      );
      if (!server.isCurrent(lifetime)) throw new Error("redis connection changed during a read");
      const entryKey = entryBase + stamp;
      if (value !== null) {
        stats.hits++;
        return { value };
      }
      stats.misses++;
      return {
        async store(fresh, ttlSeconds) {
          await client.set(entryKey, fresh, "EX", ttlSeconds);
        },
      };
    },
    async invalidate(scope, tags) {
      if (tags.length === 0) return;
      const pipeline = client.multi();
      for (const tag of tags) pipeline.incr(tagKey(scope, tag));
      try {
        const results = await pipeline.exec();
        const failed = results?.find(([err]) => err)?.[0];
        if (!results || failed) throw failed ?? new Error("cache invalidation was aborted");
      } catch (err) {
        lost++;
        throw err;
      }
    },
  };
}
