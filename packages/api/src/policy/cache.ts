import superjson from "superjson";
import { sha256 } from "../auth/secrets.ts";
import type { Context } from "../context.ts";

export interface CachePolicy {
  /** Tags the result depends on; a mutation naming one of them invalidates it. */
  tags: readonly string[];
  ttlSeconds?: number;
}

/**
 * Serves a query from the cache or runs it and stores the result. Entries are scoped to the
 * organization and keyed by role, procedure and input, so no entry can answer another
 * organization or a lesser role. When Redis fails, the query runs uncached.
 */
export async function cachedQuery<T>(
  ctx: Context,
  scope: { orgId: string; role: string },
  call: { path: string; input: unknown; policy: CachePolicy },
  run: () => Promise<T>,
): Promise<T> {
  const { cache, config } = ctx.services;
  if (!config.cache.enabled) return run();
  const key = `${scope.role}:${call.path}:${sha256(JSON.stringify(call.input ?? null))}`;
  let slot: Awaited<ReturnType<typeof cache.read>>;
  try {
    slot = await cache.read(scope.orgId, call.policy.tags, key);
  } catch (err) {
    cache.stats.bypassed++;
    ctx.logger.warn({ err, path: call.path }, "cache unavailable; answering uncached");
    return run();
  }
  if ("value" in slot) return superjson.parse<T>(slot.value);
  const fresh = await run();
  await slot
    .store(superjson.stringify(fresh), call.policy.ttlSeconds ?? config.cache.ttlSeconds)
    .catch((err: unknown) => {
      cache.stats.bypassed++;
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
    // Entries written before this point may outlive the change by at most their TTL.
    ctx.logger.error({ err, orgId, tags }, "could not invalidate cache tags");
  }
}
