import { LRUCache } from "lru-cache";
import type { LiveBus } from "./live-bus.ts";

export interface LocalCacheStats {
  hits: number;
  misses: number;
  /** Lookups answered "unknown" because the invalidation channel was down. */
  bypassed: number;
  invalidations: number;
}

export interface LocalCacheOptions {
  bus: LiveBus;
  /** Bus keys under this prefix are invalidation groups: a message on one drops its entries. */
  prefix: string;
  maxEntries: number;
  /** Upper bound of any entry's life, in milliseconds (a second line of defence). */
  ttlMs: number;
  /** The clock entries' `until` is judged by (tests move it). */
  now: () => number;
}

/** A fill in progress: what `store` checks so that a fill that raced an invalidation is dropped. */
export interface FillTicket {
  readonly generation: number;
}

export interface LocalCache<V> {
  /** The entry, or undefined (absent, expired, or the cache cannot vouch for anything now). */
  get(key: string): V | undefined;
  /** Call before reading the source of truth; pass to `store`. */
  begin(): FillTicket;
  /**
   * Keeps `value` until `until` (capped by the TTL) unless something was invalidated since
   * `ticket` was taken or the channel is down. `groups` are bus keys under the prefix.
   */
  store(ticket: FillTicket, key: string, value: V, until: number, groups: readonly string[]): void;
  /** Drops a group's entries here at once, then tells every other instance. */
  invalidate(group: string): Promise<void>;
  /** Drops a group's entries here only (and any fill in progress), synchronously. */
  drop(group: string): void;
  stats: LocalCacheStats;
}

interface Entry<V> {
  value: V;
  until: number;
  groups: readonly string[];
}

/**
 * An in-process cache kept coherent across instances by the live bus. Any message on a group
 * key (a signal) drops that group's entries on every instance; the instance that invalidates
 * drops its own at once, before it publishes.
 *
 * Fail safe, not fail stale: while the bus is not subscribed (Redis down, subscriber
 * disconnected) nothing is served or stored, and everything is forgotten when the subscription
 * comes back (messages sent meanwhile were lost). A fill that started before an invalidation
 * it could have missed is not stored (a generation counter moved by every message).
 */
export function createLocalCache<V extends object>(options: LocalCacheOptions): LocalCache<V> {
  const { bus, prefix } = options;
  const stats: LocalCacheStats = { hits: 0, misses: 0, bypassed: 0, invalidations: 0 };
  const byGroup = new Map<string, Set<string>>();
  let generation = 0;
  let wasListening = bus.isListening();
  const entries = new LRUCache<string, Entry<V>>({
    max: options.maxEntries,
    ttl: options.ttlMs,
    dispose: (entry, key) => {
      for (const group of entry.groups) {
        const keys = byGroup.get(group);
        keys?.delete(key);
        if (keys?.size === 0) byGroup.delete(group);
      }
    },
  });

  function drop(group: string): void {
    generation++;
    stats.invalidations++;
    const keys = byGroup.get(group);
    if (!keys) return;
    for (const key of [...keys]) entries.delete(key);
  }

  function forgetAll(): void {
    generation++;
    entries.clear();
  }

  /** Whether the channel is up; a way back up forgets everything first. */
  function trustworthy(): boolean {
    const listening = bus.isListening();
    if (listening !== wasListening) {
      wasListening = listening;
      forgetAll();
    }
    return listening;
  }

  bus.listenPrefix(prefix, (message) => {
    if (message === "reset") forgetAll();
    else drop(message.key);
  });

  return {
    stats,
    get(key) {
      if (!trustworthy()) {
        stats.bypassed++;
        return undefined;
      }
      const entry = entries.get(key);
      if (!entry || options.now() >= entry.until) {
        stats.misses++;
        return undefined;
      }
      stats.hits++;
      return entry.value;
    },
    begin: () => ({ generation }),
    store(ticket, key, value, until, groups) {
      if (!trustworthy() || ticket.generation !== generation) return;
      const ttl = Math.min(options.ttlMs, until - options.now());
      if (ttl <= 0) return;
      entries.set(key, { value, until, groups }, { ttl });
      for (const group of groups) {
        let keys = byGroup.get(group);
        if (!keys) byGroup.set(group, (keys = new Set()));
        keys.add(key);
      }
    },
    async invalidate(group) {
      drop(group);
      await bus.signal(group, "changed");
    },
    drop,
  };
}
