import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../services.ts";
import {
  createSecondInstance,
  createTestCaller,
  createTestServices,
  insertTestUser,
  redisCommandsDuring,
  type TestServices,
  type TestUser,
} from "../testing.ts";

// The result cache's in-process tier over two API instances on one database and one Redis:
// `a` makes every change, `b` must follow within the bus's delay, `a` at once.
let a: TestServices;
let b: Services & { close(): Promise<void> };
let owner: TestUser;
let orgId: string;
let projectId: string;
beforeAll(async () => {
  a = await createTestServices();
  b = await createSecondInstance(a);
  owner = await insertTestUser(a, "Owner");
  orgId = (await onA().org.create({ name: "Memory Org" })).id;
  projectId = (await onA().project.create({ orgId, name: "Cached", key: "MEM" })).id;
});
afterAll(async () => {
  await b.close();
  await a.close();
});

function onA() {
  return createTestCaller(a, { headers: { cookie: owner.cookie } });
}
function onB() {
  return createTestCaller(b, { headers: { cookie: owner.cookie } });
}
const nameOn = async (call: typeof onA) => (await call().org.get({ orgId })).name;
const titlesOn = async (call: typeof onA) =>
  (await call().task.list({ orgId, projectId, sort: "position", order: "asc" })).items.map(
    (t) => t.title,
  );

/** Polls `read` until it gives `expected`; resolves with how long that took (ms). */
async function timeUntil<T>(read: () => Promise<T>, expected: T): Promise<number> {
  const started = performance.now();
  await expect.poll(read, { timeout: 5_000, interval: 5 }).toEqual(expected);
  return performance.now() - started;
}

describe("the result cache's in-process tier", () => {
  it("answers a cached org.get from memory with no Redis command, task.list with its rate budget's only", async () => {
    // Warm: a fill that overlapped an invalidation signal (beforeAll's creates) is not kept.
    for (let i = 0; i < 2; i++) {
      await nameOn(onB);
      await titlesOn(onB);
    }
    const { localHits } = b.cache.stats;
    expect(await redisCommandsDuring(b, () => nameOn(onB))).toEqual([]);
    // task.list spends the per-minute "read" budget, counted in Redis (one scripted call).
    expect(await redisCommandsDuring(b, () => titlesOn(onB))).toEqual(["evalsha"]);
    expect(b.cache.stats.localHits).toBe(localHits + 2);
  });

  it("shows a rename on the instance that made it at once, on the other within the bus delay", async () => {
    await nameOn(onA);
    await nameOn(onB);
    await onA().org.update({ orgId, name: "Renamed Org" });
    // No read on `a` after the answer sees the old entry.
    expect(await nameOn(onA)).toBe("Renamed Org");
    const ms = await timeUntil(() => nameOn(onB), "Renamed Org");
    expect(ms).toBeLessThan(1_000);
  });

  it("shows a new task in a cached list on both instances", async () => {
    await titlesOn(onA);
    await titlesOn(onB);
    await onA().task.create({ orgId, projectId, title: "Fresh" });
    expect(await titlesOn(onA)).toEqual(["Fresh"]);
    await timeUntil(() => titlesOn(onB), ["Fresh"]);
  });

  it("sends a create's Redis work as three scripts: the rate budget, the live event, the invalidation with its signals", async () => {
    await titlesOn(onA);
    await titlesOn(onB);
    const sent = await redisCommandsDuring(a, () =>
      onA().task.create({ orgId, projectId, title: "Counted" }),
    );
    // The tags' bump and the other instances' signals travel in one script (no MULTI, no PUBLISH).
    expect(sent).toEqual(["evalsha", "evalsha", "evalsha"]);
    expect(await titlesOn(onA)).toContain("Counted");
    await timeUntil(async () => (await titlesOn(onB)).includes("Counted"), true);
  });

  it("answers from Redis, not memory, while the invalidation channel is down", async () => {
    await nameOn(onB);
    // A change nobody signals (versions bumped in Redis, no message on the bus)…
    await a.db
      .updateTable("organizations")
      .set({ name: "Quiet Org" })
      .where("id", "=", orgId)
      .execute();
    await a.redis.client.incr(`cachetag:${orgId}:org`);
    // …is not seen through memory while the channel is up (what the signals are for)…
    expect(await nameOn(onB)).not.toBe("Quiet Org");
    // …but with the channel down, memory vouches for nothing: Redis answers, fresh.
    const { bus } = b.live;
    const listening = bus.isListening.bind(bus);
    bus.isListening = () => false;
    try {
      const { localHits } = b.cache.stats;
      expect(await nameOn(onB)).toBe("Quiet Org");
      expect(await nameOn(onB)).toBe("Quiet Org");
      expect(b.cache.stats.localHits).toBe(localHits);
    } finally {
      bus.isListening = listening;
    }
  });
});
