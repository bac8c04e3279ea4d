import { silentLogger } from "@tesseract/config";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createRedis, type RedisHandle } from "./connection.ts";
import {
  compareEventIds,
  createLiveBus,
  createMemoryLiveBus,
  type BusMessage,
  type LiveBus,
} from "./live-bus.ts";
import { createTestRedis, type TestRedis } from "./testing.ts";

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** Two buses as two server instances would have them: one Redis, one key prefix. */
async function twoRedisBuses(replayLength: number): Promise<[LiveBus, LiveBus]> {
  const first: TestRedis = await createTestRedis();
  const second: RedisHandle = await createRedis({
    url: first.url,
    keyPrefix: first.keyPrefix,
    logger: silentLogger,
  });
  const options = { replayLength, logger: silentLogger };
  const a = await createLiveBus(first, options);
  const b = await createLiveBus(second, options);
  closers.push(
    () => first.cleanup(),
    () => second.close(),
    () => a.close(),
    () => b.close(),
  );
  return [a, b];
}

function memoryBuses(replayLength: number): Promise<[LiveBus, LiveBus]> {
  const bus = createMemoryLiveBus({ replayLength, logger: silentLogger });
  return Promise.resolve([bus, bus]);
}

function collect(bus: LiveBus, key: string, count: number): Promise<BusMessage[]> {
  const seen: BusMessage[] = [];
  return new Promise((resolve) => {
    const stop = bus.listen(key, (message) => {
      if (message === "reset") return;
      seen.push(message);
      if (seen.length === count) {
        stop();
        resolve(seen);
      }
    });
  });
}

describe.each([
  ["redis", twoRedisBuses],
  ["memory", memoryBuses],
] as const)("live bus (%s)", (_kind, make) => {
  it("delivers a key's messages to listeners of another instance, in buffer order", async () => {
    const [a, b] = await make(100);
    const received = collect(b, "org:1", 20);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await a.publish("org:1", `m${i}`));
    const messages = await received;
    expect(messages.map((m) => m.payload)).toEqual(ids.map((_, i) => `m${i}`));
    expect(messages.map((m) => m.id)).toEqual(ids);
    expect([...ids].sort(compareEventIds)).toEqual(ids);
  });

  it("keeps other keys apart and delivers signals without buffering them", async () => {
    const [a, b] = await make(100);
    const signals = collect(b, "person:1", 1);
    const other = collect(b, "org:2", 1);
    await a.publish("org:3", "elsewhere");
    await a.signal("person:1", "auth");
    await a.publish("org:2", "here");
    expect((await signals)[0]).toEqual({ key: "person:1", id: null, payload: "auth" });
    expect((await other)[0]?.payload).toBe("here");
  });

  it("replays what came after an id, and says when the buffer no longer holds it", async () => {
    const [a, b] = await make(5);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await a.publish("org:4", `m${i}`));
    const page = await b.since("org:4", ids[1]!, 100);
    expect(page).toEqual({
      entries: [
        { id: ids[2], payload: "m2" },
        { id: ids[3], payload: "m3" },
      ],
      complete: true,
      newest: ids[3],
    });
    for (let i = 4; i < 10; i++) ids.push(await a.publish("org:4", `m${i}`));
    // Five kept: m5..m9; m2..m4 are gone, so a client at m1 missed some for good.
    expect((await b.since("org:4", ids[1]!, 100)).complete).toBe(false);
    const recent = await b.since("org:4", ids[4]!, 100);
    expect(recent.complete).toBe(true);
    expect(recent.entries.map((e) => e.payload)).toEqual(["m5", "m6", "m7", "m8", "m9"]);
    expect((await b.since("org:none", "1-0", 10)).complete).toBe(false);
  });

  it("tells a key's position, from which what is published later is replayed", async () => {
    const [a, b] = await make(3);
    // No buffer yet: the start, from which the replay is complete (nothing was missed).
    expect(await b.position("org:5")).toBe("0-0");
    expect(await b.since("org:5", "0-0", 10)).toEqual({
      entries: [],
      complete: true,
      newest: "0-0",
    });
    const first = await a.publish("org:5", "m0");
    // Nothing lost yet: a plain replay.
    expect(await b.since("org:5", "0-0", 10)).toEqual({
      entries: [{ id: first, payload: "m0" }],
      complete: true,
      newest: first,
    });
    const at = await b.position("org:5");
    expect(at).toBe(first);
    const later = await a.publish("org:5", "m1");
    expect(await b.since("org:5", at, 10)).toEqual({
      entries: [{ id: later, payload: "m1" }],
      complete: true,
      newest: later,
    });
    // Past the buffer's length, a reader at the start missed some for good.
    for (let i = 2; i < 5; i++) await a.publish("org:5", `m${i}`);
    expect((await b.since("org:5", "0-0", 10)).complete).toBe(false);
    expect(await b.position("org:6")).toBe("0-0");
  });
});

describe("live bus (redis): a buffer that expired", () => {
  it("counts its entries as gone, from the start too, and resumes after them", async () => {
    const redis = await createTestRedis();
    // Two instances on one Redis: one whose buffers expire at once, one that keeps them a day.
    const brief = await createLiveBus(redis, { replayLength: 5, ttlMs: 50, logger: silentLogger });
    const kept = await createLiveBus(redis, { replayLength: 5, logger: silentLogger });
    closers.push(
      () => redis.cleanup(),
      () => brief.close(),
      () => kept.close(),
    );
    const start = await kept.position("org:7");
    expect(start).toBe("0-0");
    const gone = await brief.publish("org:7", "m0");
    await vi.waitFor(async () => {
      expect(await redis.client.exists("live:org:7")).toBe(0);
    });
    // A page read at the start missed m0 for good: not a plain (empty) replay.
    expect(await kept.since("org:7", start, 10)).toEqual({
      entries: [],
      complete: false,
      newest: gone,
    });
    // A page read after m0 missed nothing, and the position still says so.
    expect(await kept.position("org:7")).toBe(gone);
    expect(await kept.since("org:7", gone, 10)).toEqual({
      entries: [],
      complete: true,
      newest: gone,
    });

    // A new buffer: m0 stays gone for a reader at the start, and m1 comes after it.
    const next = await kept.publish("org:7", "m1");
    expect(compareEventIds(next, gone)).toBeGreaterThan(0);
    expect((await kept.since("org:7", start, 10)).complete).toBe(false);
    expect(await kept.since("org:7", gone, 10)).toEqual({
      entries: [{ id: next, payload: "m1" }],
      complete: true,
      newest: next,
    });
  });

  it("keeps a key's ids growing when its buffer is created again at once", async () => {
    const redis = await createTestRedis();
    const bus = await createLiveBus(redis, { replayLength: 5, logger: silentLogger });
    closers.push(
      () => redis.cleanup(),
      () => bus.close(),
    );
    let previous = await bus.publish("org:8", "m0");
    for (let i = 1; i < 20; i++) {
      // As an expiry would, within the same millisecond as the last publish more often than not.
      await redis.client.del("live:org:8");
      const id = await bus.publish("org:8", `m${i}`);
      expect(compareEventIds(id, previous)).toBeGreaterThan(0);
      expect(await bus.since("org:8", previous, 10)).toEqual({
        entries: [{ id, payload: `m${i}` }],
        complete: true,
        newest: id,
      });
      previous = id;
    }
  });
});
