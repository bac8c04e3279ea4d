import { silentLogger } from "@tesseract/config";
import { afterAll, describe, expect, it } from "vitest";
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
    expect(await b.since("org:5", "0-0", 10)).toEqual({ entries: [], complete: true });
    const first = await a.publish("org:5", "m0");
    expect((await b.since("org:5", "0-0", 10)).entries).toEqual([{ id: first, payload: "m0" }]);
    const at = await b.position("org:5");
    expect(at).toBe(first);
    const later = await a.publish("org:5", "m1");
    expect(await b.since("org:5", at, 10)).toEqual({
      entries: [{ id: later, payload: "m1" }],
      complete: true,
    });
    // Past the buffer's length, a reader at the start missed some for good.
    for (let i = 2; i < 5; i++) await a.publish("org:5", `m${i}`);
    expect((await b.since("org:5", "0-0", 10)).complete).toBe(false);
    expect(await b.position("org:6")).toBe("0-0");
  });
});
