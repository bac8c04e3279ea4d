import { silentLogger } from "@tesseract/config";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { envelopeSchema, type Envelope } from "./jobs.ts";
import { enqueue } from "./outbox.ts";
import { createRelay } from "./relay.ts";
import { startQueueHarness, type QueueHarness } from "./testing.ts";

let h: QueueHarness;
beforeAll(async () => {
  h = await startQueueHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.database.db.deleteFrom("outbox").execute();
  // Drain whatever an earlier test left on the queue.
  while ((await h.queue.receive({ max: 10 })).length > 0);
});

async function receiveAll(expected: number): Promise<Envelope[]> {
  const got: Envelope[] = [];
  await expect
    .poll(
      async () => {
        for (const message of await h.queue.receive({ max: 10, waitSeconds: 1 })) {
          got.push(envelopeSchema.parse(JSON.parse(message.Body!)));
          await h.queue.acknowledge(message.ReceiptHandle!);
        }
        return got.length;
      },
      { timeout: 15_000, interval: 50 },
    )
    .toBeGreaterThanOrEqual(expected);
  return got;
}

async function pending(): Promise<number> {
  const row = await h.database.db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("sent_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.n;
}

describe("outbox", () => {
  it("refuses a job the catalogue does not know, writing nothing", async () => {
    await expect(
      h.database.db.transaction().execute((trx) =>
        // @ts-expect-error -- not a job type
        enqueue(trx, { type: "nope", payload: {} }),
      ),
    ).rejects.toThrow();
    await expect(
      h.database.db
        .transaction()
        .execute((trx) => enqueue(trx, { type: "noop", payload: { key: "bad\u0000key" } })),
    ).rejects.toThrow();
    expect(await pending()).toBe(0);
  });

  it("sends nothing for a rolled-back transaction and the job of a committed one", async () => {
    const relay = createRelay({ db: h.database.db, queue: h.queue, logger: silentLogger });
    await expect(
      h.database.db.transaction().execute(async (trx) => {
        await enqueue(trx, { type: "noop", payload: { key: "rolled-back" } });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    const id = await h.database.db
      .transaction()
      .execute((trx) =>
        enqueue(trx, { type: "noop", payload: { key: "committed" } }, { requestId: "req-1" }),
      );
    expect(await relay.runOnce()).toBe(1);
    expect(await relay.runOnce()).toBe(0);
    const [envelope] = await receiveAll(1);
    expect(envelope).toMatchObject({
      id,
      type: "noop",
      payload: { key: "committed" },
      requestId: "req-1",
    });
    expect(await h.queue.receive({ waitSeconds: 0 })).toEqual([]);
  });

  it("writes a job once per dedupe key and holds a delayed one back", async () => {
    const relay = createRelay({ db: h.database.db, queue: h.queue, logger: silentLogger });
    const ids = await h.database.db
      .transaction()
      .execute(async (trx) => [
        await enqueue(trx, { type: "noop", payload: {} }, { dedupeKey: "k" }),
        await enqueue(trx, { type: "noop", payload: {} }, { dedupeKey: "k" }),
        await enqueue(trx, { type: "noop", payload: { key: "later" } }, { delaySeconds: 3600 }),
      ]);
    expect(ids[0]).toBeTypeOf("number");
    expect(ids[1]).toBeUndefined();
    expect(await relay.runOnce()).toBe(1);
    expect(await relay.runOnce()).toBe(0);
    expect(await pending()).toBe(1);
  });

  it("resends a batch when the relay dies between send and mark, so nothing is lost", async () => {
    await h.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++) await enqueue(trx, { type: "noop", payload: { key: `c${i}` } });
    });
    const crashing = createRelay({
      db: h.database.db,
      queue: h.queue,
      logger: silentLogger,
      afterSend: () => {
        throw new Error("relay killed after SendMessageBatch");
      },
    });
    await expect(crashing.runOnce()).rejects.toThrow("relay killed");
    expect(await pending()).toBe(3);
    const healthy = createRelay({ db: h.database.db, queue: h.queue, logger: silentLogger });
    expect(await healthy.runOnce()).toBe(3);
    expect(await pending()).toBe(0);
    // Sent twice (at least once): the same three job ids, each delivered twice.
    const envelopes = await receiveAll(6);
    const counts = Map.groupBy(envelopes, (e) => e.id);
    expect(counts.size).toBe(3);
    for (const copies of counts.values()) expect(copies).toHaveLength(2);
  });

  it("never sends a row twice when several relays run at once", async () => {
    const total = 200;
    await h.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < total; i++)
        await enqueue(trx, { type: "noop", payload: { key: `r${i}` } });
    });
    const relays = Array.from({ length: 4 }, () =>
      createRelay({
        db: h.database.db,
        queue: h.connect(),
        logger: silentLogger,
        idleIntervalMs: 20,
      }),
    );
    for (const relay of relays) relay.start();
    const envelopes = await receiveAll(total);
    await expect.poll(pending, { timeout: 10_000 }).toBe(0);
    await Promise.all(relays.map((relay) => relay.stop()));
    // Anything sent twice would still be arriving: look once more after the relays stopped.
    envelopes.push(...(await receiveAll(0)));
    const ids = envelopes.map((e) => e.id);
    expect(new Set(ids).size).toBe(total);
    expect(ids).toHaveLength(total);
  });

  it("wakes promptly after an enqueue in its process", async () => {
    const relay = createRelay({
      db: h.database.db,
      queue: h.queue,
      logger: silentLogger,
      idleIntervalMs: 60_000,
    });
    relay.start();
    try {
      // Let the first (empty) poll pass, so only the nudge can bring the job out.
      await new Promise((resolve) => setImmediate(resolve));
      await expect.poll(pending).toBe(0);
      await h.database.db
        .transaction()
        .execute((trx) => enqueue(trx, { type: "noop", payload: { key: "nudged" } }));
      const [envelope] = await receiveAll(1);
      expect(envelope?.payload).toEqual({ key: "nudged" });
    } finally {
      await relay.stop();
    }
  });
});
