import type { BusListener } from "@tesseract/redis";
import type { DomainEvent } from "@tesseract/validators";
import { afterEach, describe, expect, it } from "vitest";
import { orgId, owner, projectId, useProductOrg } from "../router/product-fixture.ts";
import { services } from "../router/router-fixture.ts";
import { createTestCaller } from "../testing.ts";

useProductOrg();

/** The stream keys listened to on the bus right now, counted by a wrapper around `listen`. */
function countListeners() {
  const { bus } = services.live;
  const listen = bus.listen.bind(bus);
  const open = new Map<string, number>();
  bus.listen = (key: string, listener: BusListener) => {
    open.set(key, (open.get(key) ?? 0) + 1);
    const stop = listen(key, listener);
    return () => {
      open.set(key, (open.get(key) ?? 0) - 1);
      stop();
    };
  };
  restore = () => {
    bus.listen = listen;
  };
  return () => [...open.values()].reduce((sum, n) => sum + n, 0);
}
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

type Envelope = [id: string, event: DomainEvent];

describe("a live stream", () => {
  it("hears what is published once its procedure has answered, before it is first read", async () => {
    // A transport tells its client "connected" between the procedure's answer and the first
    // read of the stream: a change made then must not be missed.
    const abort = new AbortController();
    const caller = createTestCaller(services, { headers: { cookie: owner.cookie } }, abort.signal);
    const stream = (await caller.live.project({ orgId, projectId })) as AsyncIterable<Envelope>;
    const task = await caller.task.create({ orgId, projectId, title: "Made before the read" });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    const [, event] = first.value as Envelope;
    expect(event.type).toBe("task.created");
    expect(event.type === "task.created" && event.task.id).toBe(task.id);
    abort.abort();
    await iterator.return?.(undefined);
  });

  it("lets go of the bus when its request is aborted, read or not", async () => {
    const listening = countListeners();
    const abort = new AbortController();
    const caller = createTestCaller(services, { headers: { cookie: owner.cookie } }, abort.signal);
    await caller.live.org({ orgId });
    await caller.live.project({ orgId, projectId });
    // The stream's key and the person's access signals, for each.
    expect(listening()).toBe(4);
    abort.abort();
    expect(listening()).toBe(0);
  });

  it("refuses another organization's project before any stream opens", async () => {
    const listening = countListeners();
    const caller = createTestCaller(services, { headers: { cookie: owner.cookie } });
    await expect(
      caller.live.project({ orgId, projectId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(listening()).toBe(0);
  });
});
