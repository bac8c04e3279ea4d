import type { RedisHandle } from "./connection.ts";
import type { LiveBus } from "./live-bus.ts";
import { createLocalCache, type LocalCache } from "./local-cache.ts";
import { trackServerLifetime } from "./server-lifetime.ts";

export interface CacheStats {
  hits: number;
  misses: number;
  /** Reads or writes skipped because Redis failed (the cache was bypassed). */
  bypassed: number;
  /** Of the hits, those answered from this process's memory (no round trip). */
  localHits: number;
}

/** A decoded value kept beside an entry's text, so a hit in memory decodes nothing. */
export interface DecodedMemo {
  has: boolean;
  value: unknown;
}

/**
 * The in-process tier: entries held in this process for at most `ttlMs`, dropped by the live
 * bus's invalidation signals (see local-cache.ts; nothing is served while the bus is down).
 */
export interface LocalTierOptions {
  bus: LiveBus;
  ttlMs: number;
  /** The clock entries expire by (tests move it). */
  now: () => number;
  maxEntries?: number;
}

/** Bus keys of the in-process tier: one invalidation group per scope and tag. */
const LOCAL_PREFIX = "cachetag:";
const localGroup = (scope: string, tag: string) => `${LOCAL_PREFIX}${scope}:${tag}`;

interface LocalEntry {
  value: string;
  memo: DecodedMemo;
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
  ): Promise<
    | { value: string; memo?: DecodedMemo }
    | { store(value: string, ttlSeconds: number, decoded?: unknown): Promise<void> }
  >;
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

// Bumps the versions of the tags (KEYS) and then, in the same step, signals the in-process tiers
// of every instance: ARGV[1] is the bus's channel, each further ARGV one group's signal.
const INVALIDATE_SCRIPT = `
for i = 1, #KEYS do redis.call('INCR', KEYS[i]) end
for i = 2, #ARGV do redis.call('PUBLISH', ARGV[1], ARGV[i]) end
return #KEYS`;

type InvalidateCommand = (numberOfKeys: number, ...keysThenSignals: string[]) => Promise<number>;

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
 * a second at most. An invalidation is one round trip too: a script bumps the versions and then
 * sends the other instances' signals (below).
 *
 * With `local` (the live bus), a lookup is no round trip at all when this process read the
 * entry recently: an in-process tier holds what Redis answered (or what was stored) for a few
 * seconds, in invalidation groups per scope and tag. An invalidation drops this process's
 * groups before it bumps the versions and again once they are bumped (so no read that raced it
 * keeps an old entry here), then signals every other instance, which drop theirs as the signal
 * arrives. While the bus is not subscribed the tier is bypassed (fail safe, local-cache.ts),
 * and it is not used while an invalidation lost here is not yet made good.
 */
export function createTagCache(
  redis: Pick<RedisHandle, "client" | "kind">,
  local?: LocalTierOptions,
): TagCache {
  const { client } = redis;
  const stats: CacheStats = { hits: 0, misses: 0, bypassed: 0, localHits: 0 };
  const memory: LocalCache<LocalEntry> | undefined =
    local && local.ttlMs > 0
      ? createLocalCache<LocalEntry>({
          bus: local.bus,
          prefix: LOCAL_PREFIX,
          maxEntries: local.maxEntries ?? 20_000,
          ttlMs: local.ttlMs,
          now: local.now,
        })
      : undefined;
  const remember = (
    ticket: ReturnType<LocalCache<LocalEntry>["begin"]> | undefined,
    scope: string,
    tags: readonly string[],
    key: string,
    entry: LocalEntry,
  ) => {
    if (!memory || !ticket || !local) return;
    const groups = tags.map((tag) => localGroup(scope, tag));
    memory.store(ticket, `${scope}:${key}`, entry, local.now() + local.ttlMs, groups);
  };
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
  let bumpTogether: InvalidateCommand | undefined;
  if (redis.kind === "redis") {
    client.defineCommand("tesseractCacheRead", { lua: READ_SCRIPT });
    client.defineCommand("tesseractCacheInvalidate", { lua: INVALIDATE_SCRIPT });
    const scripts = client as unknown as {
      tesseractCacheRead: ReadCommand;
      tesseractCacheInvalidate: InvalidateCommand;
    };
    readTogether = scripts.tesseractCacheRead.bind(client);
    bumpTogether = scripts.tesseractCacheInvalidate.bind(client);
  }
  /** The other instances' signals for `groups`, sent by the script that bumps the versions. */
  const signalsFor = (groups: string[]): string[] => {
    const wire = memory && local?.bus.signalWire?.bind(local.bus);
    if (!wire) return [];
    const signals = groups.map((group) => wire(group, "changed"));
    return [signals[0]!.channel, ...signals.map((signal) => signal.message)];
  };

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
      if (memory && lost === madeGood) {
        const held = memory.get(`${scope}:${key}`);
        if (held) {
          stats.hits++;
          stats.localHits++;
          return held;
        }
      }
      while (lost > madeGood) await makeGood();
      // Taken before the versions are read: a fill that raced an invalidation is not kept.
      const ticket = memory?.begin();
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
        const entry = { value, memo: { has: false, value: undefined } };
        remember(ticket, scope, tags, key, entry);
        return entry;
      }
      stats.misses++;
      return {
        async store(fresh, ttlSeconds, decoded) {
          await client.set(entryKey, fresh, "EX", ttlSeconds);
          const memo = { has: decoded !== undefined, value: decoded };
          remember(ticket, scope, tags, key, { value: fresh, memo });
        },
      };
    },
    async invalidate(scope, tags) {
      if (tags.length === 0) return;
      const groups = tags.map((tag) => localGroup(scope, tag));
      for (const group of groups) memory?.drop(group);
      const tagKeys = tags.map((tag) => tagKey(scope, tag));
      let signalled = false;
      try {
        if (bumpTogether) {
          // One round trip: the bump, then the other instances' signals (none without a tier).
          const signals = signalsFor(groups);
          await bumpTogether(tagKeys.length, ...tagKeys, ...signals);
          signalled = signals.length > 0;
        } else {
          const pipeline = client.multi();
          for (const key of tagKeys) pipeline.incr(key);
          const results = await pipeline.exec();
          const failed = results?.find(([err]) => err)?.[0];
          if (!results || failed) throw failed ?? new Error("cache invalidation was aborted");
        }
      } catch (err) {
        lost++;
        throw err;
      } finally {
        // Dropped here again (a read that started between the first drop and the bump saw the
        // old versions), then signalled to every other instance, even when the bump failed.
        if (memory && signalled) for (const group of groups) memory.drop(group);
        else if (memory) await Promise.all(groups.map((group) => memory.invalidate(group)));
      }
    },
  };
}
