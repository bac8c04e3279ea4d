import { silentLogger } from "@tesseract/config";
import { afterAll, describe, expect, it } from "vitest";
import { createTagCache, type TagCache } from "./cache.ts";
import { createRedis, type RedisHandle } from "./connection.ts";
import { createLiveBus, type LiveBus } from "./live-bus.ts";
import {
  createTestRedis,
  hasRedisServer,
  nextEvent,
  startPrivateRedis,
  type PrivateRedis,
} from "./testing.ts";

const handles: RedisHandle[] = [];
const servers: PrivateRedis[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill()));
  await Promise.all(handles.map((h) => h.close()));
});

async function connectTo(url: string, keyPrefix = "t:"): Promise<RedisHandle> {
  const redis = await createRedis({ url, keyPrefix, logger: silentLogger });
  handles.push(redis);
  return redis;
}

async function read(cache: TagCache, key = "k"): Promise<string | undefined> {
  const slot = await cache.read("org", ["tasks"], key);
  return "value" in slot ? slot.value : undefined;
}

async function readThrough(cache: TagCache, fresh: string): Promise<string> {
  const slot = await cache.read("org", ["tasks"], "k");
  if ("value" in slot) return slot.value;
  await slot.store(fresh, 60);
  return fresh;
}

/** The names of the commands `redis` sends while `work` runs. */
async function commandsDuring(redis: RedisHandle, work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const send = redis.client.sendCommand.bind(redis.client);
  redis.client.sendCommand = (command, stream) => {
    sent.push(command.name);
    return send(command, stream);
  };
  try {
    await work();
  } finally {
    redis.client.sendCommand = send;
  }
  return sent;
}

describe("tag cache", () => {
  it("hits until a tag it carries is invalidated, then misses", async () => {
    const redis = await createTestRedis();
    const cache = createTagCache(redis);
    expect(await readThrough(cache, "v1")).toBe("v1");
    expect(await read(cache)).toBe("v1");
    await cache.invalidate("other-org", ["tasks"]);
    await cache.invalidate("org", ["projects"]);
    expect(await read(cache)).toBe("v1");
    await cache.invalidate("org", ["tasks"]);
    expect(await read(cache)).toBeUndefined();
    await redis.cleanup();
  });

  it("answers a lookup in one round trip", async () => {
    const redis = await createTestRedis();
    const cache = createTagCache(redis);
    await readThrough(cache, "v1");
    await read(cache); // the server's lifetime (INFO) is known from here on
    expect(await read(cache)).toBe("v1");
    await cache.invalidate("org", ["tasks"]);
    const sent = await commandsDuring(redis, async () => {
      expect(await read(cache)).toBeUndefined();
    });
    // EVALSHA (or EVAL the first time a server sees the script): versions and entry together.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^eval/);
    await redis.cleanup();
  });

  it("invalidates in one round trip that also signals the other instances' in-process tiers", async () => {
    const redis = await createTestRedis();
    // A second instance: its own connection and bus on the same Redis and prefix.
    const other = await connectTo(redis.url, redis.keyPrefix);
    const [busA, busB] = await Promise.all(
      [redis, other].map((handle) =>
        createLiveBus(handle, { replayLength: 10, logger: silentLogger }),
      ),
    );
    const tier = (bus: LiveBus) => ({ bus, ttlMs: 60_000, now: () => Date.now() });
    const cacheA = createTagCache(redis, tier(busA!));
    const cacheB = createTagCache(other, tier(busB!));
    for (const cache of [cacheA, cacheB]) {
      await readThrough(cache, "v1");
      await read(cache); // held in memory from here on
    }
    const { localHits } = cacheB.stats;
    expect(await read(cacheB)).toBe("v1");
    expect(cacheB.stats.localHits).toBe(localHits + 1);

    const signalled = new Promise<void>((resolve) => {
      const stop = busB!.listenPrefix("cachetag:", () => {
        stop();
        resolve();
      });
    });
    const sent = await commandsDuring(redis, () => cacheA.invalidate("org", ["tasks"]));
    // EVALSHA (or EVAL the first time a server sees the script): the bump and the signal.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^eval/);
    expect(await read(cacheA)).toBeUndefined();
    await signalled;
    expect(await read(cacheB)).toBeUndefined();
    await Promise.all([busA!.close(), busB!.close()]);
    await redis.cleanup();
  });

  it("never lets a read that raced an invalidation store where later reads look", async () => {
    const redis = await createTestRedis();
    const cache = createTagCache(redis);
    const slot = await cache.read("org", ["tasks"], "k");
    await cache.invalidate("org", ["tasks"]); // a mutation lands while the query runs
    if ("value" in slot) throw new Error("expected a miss");
    await slot.store("computed before the mutation", 60);
    expect(await read(cache)).toBeUndefined();
    await redis.cleanup();
  });

  it("works on the embedded stand-in", async () => {
    const memory = await createRedis({ url: undefined, keyPrefix: "t:", logger: silentLogger });
    handles.push(memory);
    const cache = createTagCache(memory);
    expect(await readThrough(cache, "v1")).toBe("v1");
    expect(await read(cache)).toBe("v1");
    await cache.invalidate("org", ["tasks"]);
    expect(await read(cache)).toBeUndefined();
  });
});

describe.skipIf(!hasRedisServer)("tag cache when Redis loses state", () => {
  async function restart(server: PrivateRedis, redis: RedisHandle): Promise<PrivateRedis> {
    const closed = nextEvent(redis.client, "close");
    await server.kill();
    await closed;
    const ready = nextEvent(redis.client, "ready");
    const again = await startPrivateRedis(server.port);
    servers.push(again);
    await ready;
    return again;
  }

  it("never serves an entry stored across a restart, however far versions climb again", async () => {
    const server = await startPrivateRedis();
    servers.push(server);
    const redis = await connectTo(server.url);
    const cache = createTagCache(redis);
    await cache.invalidate("org", ["tasks"]);
    const slot = await cache.read("org", ["tasks"], "k"); // a read starts before the restart
    if ("value" in slot) throw new Error("expected a miss");

    await restart(server, redis);
    await cache.invalidate("org", ["tasks"]); // the counter is back where the read saw it
    await slot.store("read before the restart", 60);
    expect(await read(cache)).toBeUndefined();
  });

  it("makes every process miss once a lost invalidation is made good", async () => {
    const server = await startPrivateRedis();
    servers.push(server);
    const [a, b] = [await connectTo(server.url), await connectTo(server.url)];
    const [cacheA, cacheB] = [createTagCache(a), createTagCache(b)];
    expect(await readThrough(cacheB, "old")).toBe("old");

    const ended = nextEvent(a.client, "end");
    a.client.disconnect();
    await ended;
    await expect(cacheA.invalidate("org", ["tasks"])).rejects.toThrow();
    // Until it is made good, the process that lost it answers uncached.
    await expect(cacheA.read("org", ["tasks"], "k")).rejects.toThrow();

    await a.client.connect();
    expect(await read(cacheA)).toBeUndefined();
    expect(await read(cacheB)).toBeUndefined();
  });
});
