import type { Redis } from "ioredis";

export interface CacheStats {
  hits: number;
  misses: number;
  /** Reads or writes skipped because Redis failed (the cache was bypassed). */
  bypassed: number;
}

export interface TagCache {
  /** The cached value for `key` under the current versions of `tags`, or a way to store it. */
  read(
    scope: string,
    tags: readonly string[],
    key: string,
  ): Promise<{ value: string } | { store(value: string, ttlSeconds: number): Promise<void> }>;
  /** Makes every entry that carries one of `tags` unreachable at once. */
  invalidate(scope: string, tags: readonly string[]): Promise<void>;
  stats: CacheStats;
}

/**
 * A tag-versioned cache. Each tag has a version counter; an entry's key embeds the versions
 * of its tags when it was written, and invalidation bumps the counters. A read after an
 * invalidation therefore computes a new key and can never see the old entry — even one written
 * late by a read that raced the mutation. Old entries simply expire.
 */
export function createTagCache(redis: Redis): TagCache {
  const stats: CacheStats = { hits: 0, misses: 0, bypassed: 0 };
  const tagKey = (scope: string, tag: string) => `cachetag:${scope}:${tag}`;

  return {
    stats,
    async read(scope, tags, key) {
      const versions =
        tags.length > 0 ? await redis.mget(...tags.map((t) => tagKey(scope, t))) : [];
      const entryKey = `cache:${scope}:${key}:${versions.map((v) => v ?? "0").join(".")}`;
      const value = await redis.get(entryKey);
      if (value !== null) {
        stats.hits++;
        return { value };
      }
      stats.misses++;
      return {
        async store(fresh, ttlSeconds) {
          await redis.set(entryKey, fresh, "EX", ttlSeconds);
        },
      };
    },
    async invalidate(scope, tags) {
      if (tags.length === 0) return;
      const pipeline = redis.multi();
      for (const tag of tags) pipeline.incr(tagKey(scope, tag));
      await pipeline.exec();
    },
  };
}
