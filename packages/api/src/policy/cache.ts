import superjson from "superjson";
import type { CacheResult } from "@tesseract/telemetry";
import type { Context } from "../context.ts";
import { inputDigest } from "./input-digest.ts";

export { inputDigest };

export interface CachePolicy {
  /** Tags the result depends on; a mutation naming one of them invalidates it. */
  tags: readonly string[];
  ttlSeconds?: number;
}

/**
 * Serves a query from the cache or runs it and stores the result. Entries are scoped to the
 * organization and keyed by role, procedure and parsed input, so no entry can answer another
 * organization or a lesser role. When Redis fails, the query runs uncached.
 */
export async function cachedQuery<T>(
  ctx: Context,
  scope: { orgId: string; role: string },
  call: { path: string; input: unknown; policy: CachePolicy },
  run: () => Promise<T>,
): Promise<T> {
  const { cache, config, metrics } = ctx.services;
  if (!config.cache.enabled) return run();
  const count = (result: CacheResult) => {
    metrics.cache.inc({ procedure: call.path, result });
  };
  let slot: Awaited<ReturnType<typeof cache.read>>;
  try {
    const key = `${scope.role}:${call.path}:${inputDigest(call.input)}`;
    slot = await cache.read(scope.orgId, call.policy.tags, key);
  } catch (err) {
    cache.stats.bypassed++;
    count("bypass");
    ctx.logger.warn({ err, path: call.path }, "cache unavailable; answering uncached");
    return run();
  }
  if ("value" in slot) {
    count("hit");
    // An entry held in memory keeps its decoded value: answers share it and never change it.
    const { memo } = slot;
    if (!memo) return superjson.parse<T>(slot.value);
    if (!memo.has) {
      memo.value = superjson.parse<T>(slot.value);
      memo.has = true;
    }
    return memo.value as T;
  }
  count("miss");
  const fresh = await run();
  await slot
    .store(superjson.stringify(fresh), call.policy.ttlSeconds ?? config.cache.ttlSeconds, fresh)
    .catch((err: unknown) => {
      cache.stats.bypassed++;
      count("bypass");
      ctx.logger.warn({ err, path: call.path }, "could not store a cache entry");
    });
  return fresh;
}

/** Invalidates tags in the organization after a mutation, before its answer is sent. */
export async function invalidateTags(
  ctx: Context,
  orgId: string,
  tags: readonly string[],
): Promise<void> {
  try {
    await ctx.services.cache.invalidate(orgId, tags);
  } catch (err) {
    // The cache answers uncached in this process until the loss is made good (redis cache.ts).
    ctx.logger.error({ err, orgId, tags }, "could not invalidate cache tags");
  }
}
