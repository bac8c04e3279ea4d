import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { silentLogger, type Logger } from "@tesseract/config";
import { connect, createServer, type Server } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createConsumer, type Consumer } from "./consumer.ts";
import { onlyHandlers, type JobHandlers } from "./handlers.ts";
import type { Envelope } from "./jobs.ts";
import { startQueueHarness, type QueueHarness } from "./testing.ts";

let h: QueueHarness;
const consumers: Consumer[] = [];
beforeAll(async () => {
  h = await startQueueHarness({ maxReceiveCount: 3 });
});
afterAll(async () => {
  await h.close();
});
let queue: Awaited<ReturnType<QueueHarness["freshQueue"]>>;
beforeEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.stop(0)));
  await h.database.db.deleteFrom("job_runs").execute();
  queue = await h.freshQueue();
});

let nextId = 1_000;
function envelope(payload: { key?: string; delayMs?: number }, requestId?: string): Envelope {
  return {
    id: nextId++,
    type: "noop",
    payload,
    ...(requestId ? { requestId } : {}),
    enqueuedAt: new Date().toISOString(),
  };
}

function start(
  noop: (...args: Parameters<JobHandlers["noop"]>) => void | Promise<void>,
  options: { logger?: Logger; queue?: QueueHarness["queue"]; concurrency?: number } = {},
) {
  const consumer = createConsumer({
    queue: options.queue ?? queue,
    db: h.database.db,
    handlers: onlyHandlers({
      noop: async (payload, ctx) => {
        await noop(payload, ctx);
      },
    }),
    logger: options.logger ?? silentLogger,
    waitSeconds: 1,
    concurrency: options.concurrency ?? 4,
    maxReceiveCount: 3,
    retryDelaySeconds: () => 0,
  });
  consumer.start();
  consumers.push(consumer);
  return consumer;
}

async function runs(jobId: number) {
  return h.database.db
    .selectFrom("job_runs")
    .select(["status", "attempt", "error", "duration_ms", "request_id"])
    .where("job_id", "=", jobId)
    .orderBy("id")
    .execute();
}

/** Takes the message with this body off the dead-letter queue, if it is there. */
async function deadLettered(body: string): Promise<boolean> {
  for (const m of await queue.receive({ fromDeadLetter: true, waitSeconds: 0 })) {
    if (m.Body === body) {
      await queue.acknowledge(m.ReceiptHandle!, { fromDeadLetter: true });
      return true;
    }
    await queue.changeVisibility(m.ReceiptHandle!, 0, { fromDeadLetter: true });
  }
  return false;
}

/** No message waiting, in flight or delayed on the job queue. */
async function queueIsEmpty(): Promise<boolean> {
  const { queueUrl } = await queue.ensureQueues();
  const { Attributes: a = {} } = await queue.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["All"] }),
  );
  return (
    Number(a.ApproximateNumberOfMessages) +
      Number(a.ApproximateNumberOfMessagesNotVisible) +
      Number(a.ApproximateNumberOfMessagesDelayed) ===
    0
  );
}

describe("consumer", () => {
  it("runs a job once, records the run with the request id in its logs, and deletes it", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger: Logger = {
      ...silentLogger,
      info: (obj, msg) => lines.push({ ...obj, msg }),
    };
    const effects: string[] = [];
    start(
      (payload, ctx) => {
        ctx.logger.info({}, "handling");
        effects.push(payload.key!);
      },
      { logger },
    );
    const job = envelope({ key: "once" }, "req-42");
    await queue.send(JSON.stringify(job));
    await expect
      .poll(() => runs(job.id), { timeout: 10_000 })
      .toMatchObject([{ status: "succeeded", attempt: 1, request_id: "req-42" }]);
    expect(effects).toEqual(["once"]);
    expect(lines.find((l) => l.msg === "handling")).toMatchObject({
      jobId: job.id,
      requestId: "req-42",
      attempt: 1,
    });
    expect(await queueIsEmpty()).toBe(true);
  });

  it("has one effect for a message delivered three times", async () => {
    const effects: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    start(async (payload) => {
      await gate;
      effects.push(payload.key!);
    });
    const job = envelope({ key: "thrice" });
    const body = JSON.stringify(job);
    for (let i = 0; i < 3; i++) await queue.send(body);
    // All three copies are received while the first still runs (or after it finished).
    await expect
      .poll(
        async () =>
          (
            await h.database.db
              .selectFrom("job_runs")
              .select("id")
              .where("job_id", "=", job.id)
              .execute()
          ).length,
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(1);
    release();
    await expect
      .poll(() => runs(job.id), { timeout: 10_000 })
      .toMatchObject([{ status: "succeeded" }]);
    // The copies that found the job running come back later and are acknowledged as done.
    const late = start((payload) => {
      effects.push(`late:${payload.key}`);
    });
    await expect.poll(queueIsEmpty, { timeout: 40_000, interval: 500 }).toBe(true);
    await late.stop(1_000);
    expect(effects).toEqual(["thrice"]);
  }, 60_000);

  it("retries a failing job and moves it to the dead-letter queue after the bounded receives", async () => {
    let calls = 0;
    start(() => {
      calls++;
      throw new Error("SMTP said no");
    });
    const job = envelope({ key: "poison" });
    await queue.send(JSON.stringify(job));
    await expect
      .poll(() => deadLettered(JSON.stringify(job)), { timeout: 20_000, interval: 200 })
      .toBe(true);
    expect(calls).toBe(3);
    const recorded = await runs(job.id);
    expect(recorded.map((r) => [r.status, r.attempt, r.error])).toEqual([
      ["failed", 1, "SMTP said no"],
      ["failed", 2, "SMTP said no"],
      ["failed", 3, "SMTP said no"],
    ]);
  });

  it("sends a message that is not a job of the catalogue to the dead-letter queue", async () => {
    start(() => Promise.resolve());
    const body = JSON.stringify({ ...envelope({}), type: "mail.send", payload: { to: 1 } });
    await queue.send(body);
    await expect.poll(() => deadLettered(body), { timeout: 20_000, interval: 200 }).toBe(true);
    const invalid = await h.database.db
      .selectFrom("job_runs")
      .select("status")
      .where("status", "=", "invalid")
      .execute();
    expect(invalid).toHaveLength(3);
  });

  it("hands running jobs back at once when stopped past its deadline", async () => {
    const started: string[] = [];
    const consumer = start(async (payload, ctx) => {
      started.push(payload.key!);
      await new Promise((resolve) => {
        ctx.signal.addEventListener("abort", resolve);
      });
      throw new Error("interrupted");
    });
    const job = envelope({ key: "long" });
    await queue.send(JSON.stringify(job));
    await expect.poll(() => started, { timeout: 10_000 }).toEqual(["long"]);
    expect(await consumer.stop(50)).toBe(false);
    await expect.poll(() => runs(job.id)).toMatchObject([{ status: "released" }]);
    // Visible again at once, and another consumer finishes it.
    const done: string[] = [];
    start((payload) => {
      done.push(payload.key!);
    });
    await expect.poll(() => done, { timeout: 10_000 }).toEqual(["long"]);
    await expect
      .poll(() => runs(job.id))
      // Attempt 2, or 3 when the stopping consumer's open poll took it once and handed it back.
      .toMatchObject([{ status: "released" }, { status: "succeeded" }]);
  });

  it("cuts its long poll off at once on stop when the queue lives in this process", async () => {
    // The poll in progress would wait 20 s for a message; each receive's signal is kept.
    const signals: AbortSignal[] = [];
    const watched = Object.create(queue) as typeof queue;
    watched.receive = (opts) => {
      if (opts?.signal) signals.push(opts.signal);
      return queue.receive(opts);
    };
    const consumer = createConsumer({
      queue: watched,
      db: h.database.db,
      handlers: onlyHandlers({ noop: () => Promise.resolve() }),
      logger: silentLogger,
      waitSeconds: 20,
      cutPollOnStop: true,
    });
    consumer.start();
    await expect.poll(() => signals.length).toBeGreaterThan(0);
    // Without the option the stop would wait for the poll to end by itself, unaborted.
    expect(await consumer.stop(60_000)).toBe(true);
    expect(signals.at(-1)!.aborted).toBe(true);
  });

  it("backs off while SQS is unreachable and recovers when it returns", async () => {
    // A port that refuses, then starts forwarding to the emulator: SQS "comes back".
    const emulatorPort = h.aws.emulator.port;
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const unreachable = h.connect({
      endpoint: `http://127.0.0.1:${port}`,
      requestTimeoutMs: 2_000,
      queueName: queue.name,
    });
    const warnings: Record<string, unknown>[] = [];
    const infos: string[] = [];
    const done: string[] = [];
    start(
      (payload) => {
        done.push(payload.key!);
      },
      {
        queue: unreachable,
        logger: {
          ...silentLogger,
          warn: (obj, msg) => warnings.push({ ...obj, msg }),
          info: (_obj, msg) => infos.push(msg ?? ""),
        },
      },
    );
    await expect.poll(() => warnings.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const delays = warnings.map((w) => w.retryInMs as number);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    const job = envelope({ key: "after-outage" });
    await queue.send(JSON.stringify(job));
    const proxy = await forward(port, emulatorPort);
    try {
      await expect.poll(() => done, { timeout: 40_000, interval: 200 }).toEqual(["after-outage"]);
      expect(infos).toContain("job queue reachable again");
    } finally {
      await Promise.all(consumers.splice(0).map((c) => c.stop(0)));
      proxy.close();
      unreachable.sqs.destroy();
    }
  }, 60_000);
});

/** Listens on `port` and pipes every connection to `target`. */
async function forward(port: number, target: number): Promise<Server> {
  const server = createServer((socket) => {
    const upstream = connect(target, "127.0.0.1");
    socket.pipe(upstream).pipe(socket);
    socket.on("error", () => upstream.destroy());
    upstream.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}
