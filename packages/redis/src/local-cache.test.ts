import { silentLogger } from "@tesseract/config";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "./connection.ts";
import { createLiveBus, createMemoryLiveBus, type LiveBus } from "./live-bus.ts";
import { createLocalCache, type LocalCache } from "./local-cache.ts";
import { hasRedisServer, startPrivateRedis } from "./testing.ts";
import { createTestRedis } from "./testing.ts";

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const options = { replayLength: 10, logger: silentLogger };

/** A bus whose subscription the test drops and restores. */
function switchableBus(): LiveBus & { listening: boolean } {
  const inner = createMemoryLiveBus(options);
  const bus = Object.assign(Object.create(inner) as LiveBus, { listening: true });
  bus.isListening = () => bus.listening;
  return bus;
}

function cacheOn(bus: LiveBus, clock = { now: 0 }): LocalCache<{ v: string }> {
  return createLocalCache({
    bus,
    prefix: "grp:",
    maxEntries: 100,
    ttlMs: 5_000,
    now: () => clock.now,
  });
}

/** Resolves when the bus delivers a message on `key` (after the cache's own listener). */
function heard(bus: LiveBus, key: string): Promise<number> {
  return new Promise((resolve) => {
    const stop = bus.listen(key, () => {
      stop();
      resolve(performance.now());
    });
  });
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("local cache", () => {
  it("keeps an entry until its own end, and drops a group at once where it is invalidated", async () => {
    const clock = { now: 0 };
    const cache = cacheOn(switchableBus(), clock);
    cache.store(cache.begin(), "k", { v: "1" }, 1_000, ["grp:a"]);
    cache.store(cache.begin(), "other", { v: "2" }, 1_000, ["grp:b"]);
    expect(cache.get("k")).toEqual({ v: "1" });
    clock.now = 1_000;
    expect(cache.get("k")).toBeUndefined();
    clock.now = 0;
    cache.store(cache.begin(), "k", { v: "1" }, 1_000, ["grp:a"]);
    const sent = cache.invalidate("grp:a");
    // Synchronously, before the signal is even sent.
    expect(cache.get("k")).toBeUndefined();
    expect(cache.get("other")).toEqual({ v: "2" });
    await sent;
  });

  it("does not store a fill that raced an invalidation", () => {
    const cache = cacheOn(switchableBus());
    const ticket = cache.begin();
    void cache.invalidate("grp:unrelated");
    cache.store(ticket, "k", { v: "old" }, 1_000, ["grp:a"]);
    expect(cache.get("k")).toBeUndefined();
  });

  it("is bypassed while the bus is unsubscribed, and forgets everything when it is back", () => {
    const bus = switchableBus();
    const cache = cacheOn(bus);
    cache.store(cache.begin(), "k", { v: "1" }, 1_000, ["grp:a"]);
    bus.listening = false;
    expect(cache.get("k")).toBeUndefined();
    cache.store(cache.begin(), "during", { v: "x" }, 1_000, ["grp:a"]);
    bus.listening = true;
    expect(cache.get("k")).toBeUndefined();
    expect(cache.get("during")).toBeUndefined();
    expect(cache.stats.bypassed).toBe(1);
  });

  it("stays within its size bound", () => {
    const cache = cacheOn(switchableBus());
    for (let i = 0; i < 500; i++) cache.store(cache.begin(), `k${i}`, { v: "1" }, 1_000, ["grp:a"]);
    let kept = 0;
    for (let i = 0; i < 500; i++) if (cache.get(`k${i}`)) kept++;
    expect(kept).toBe(100);
  });

  it("drops the entries of another instance over Redis", async () => {
    const first = await createTestRedis();
    const second = await createRedis({
      url: first.url,
      keyPrefix: first.keyPrefix,
      logger: silentLogger,
    });
    const [a, b] = [await createLiveBus(first, options), await createLiveBus(second, options)];
    closers.push(
      () => first.cleanup(),
      () => second.close(),
      () => a.close(),
      () => b.close(),
    );
    const [cacheA, cacheB] = [cacheOn(a), cacheOn(b)];
    cacheB.store(cacheB.begin(), "k", { v: "1" }, 1_000, ["grp:person"]);
    const arrived = heard(b, "grp:person");
    await cacheA.invalidate("grp:person");
    await arrived;
    expect(cacheB.get("k")).toBeUndefined();
  });
});

describe.skipIf(!hasRedisServer)("local cache when Redis goes away", () => {
  it("serves nothing from memory while the subscription is down, and forgets on the way back", async () => {
    const server = await startPrivateRedis();
    const redis = await createRedis({ url: server.url, keyPrefix: "t:", logger: silentLogger });
    const bus = await createLiveBus(redis, options);
    closers.push(
      () => redis.close(),
      () => bus.close(),
    );
    const cache = cacheOn(bus);
    expect(bus.isListening()).toBe(true);
    cache.store(cache.begin(), "k", { v: "1" }, 1_000, ["grp:a"]);
    expect(cache.get("k")).toEqual({ v: "1" });
    await server.kill();
    await until(() => !bus.isListening());
    expect(cache.get("k")).toBeUndefined();
    const again = await startPrivateRedis(server.port);
    closers.push(() => again.kill());
    await until(() => bus.isListening());
    // Whatever was sent while it was away never arrived: nothing from before is trusted.
    expect(cache.get("k")).toBeUndefined();
    cache.store(cache.begin(), "k", { v: "2" }, 1_000, ["grp:a"]);
    expect(cache.get("k")).toEqual({ v: "2" });
  });
});
