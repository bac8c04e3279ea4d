import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { silentLogger } from "@tesseract/config";
import { createDatabase } from "@tesseract/db";
import { createTestDatabase } from "@tesseract/db/testing";
import {
  createConsumer,
  createQueue,
  createRelay,
  enqueue,
  onlyHandlers,
  type Queue,
} from "@tesseract/queue";
import { startEmulatorChild } from "./emulator-child.ts";
import { jobsReport, type Measured, type OutboxMeasured } from "./jobs-report.ts";

// `pnpm bench:jobs`: jobs per second through outbox → SQS → consumer with a no-op handler,
// beside a raw send/receive/delete loop on the same kind of queue in the same run, and the
// commit-to-handler latency. Services mode: real PostgreSQL, the S3/SQS emulator in a process of
// its own (so this process's CPU is Tesseract's and the SDK's, for both paths alike).

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "10" },
    producers: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    out: { type: "string", default: new URL("../results", import.meta.url).pathname },
  },
});
const JOBS = Number(values.jobs);
const CONCURRENCY = Number(values.concurrency);
const PRODUCERS = Number(values.producers);
const ROUNDS = Math.max(1, Number(values.rounds));
const TARGET = 0.5;
const LATENCY_JOBS = 200;

const [emulator, testDatabase] = await Promise.all([startEmulatorChild(), createTestDatabase()]);
const connection = {
  endpoint: emulator.url,
  region: "us-east-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
};
// The test helper's pool holds 5 connections; production's default (DATABASE_POOL_MAX) is 10.
// The producers stand for the API server and the relay and consumer for the worker: each
// side has a pool of its own, as the two processes do.
const database = await createDatabase({ url: testDatabase.url, poolMax: 10, logger: silentLogger });
const workerDatabase = await createDatabase({
  url: testDatabase.url,
  poolMax: 10,
  logger: silentLogger,
});
let queues = 0;
async function freshQueue(): Promise<Queue> {
  const name = `tesseract-bench-jobs-${++queues}`;
  const queue = createQueue({
    ...connection,
    queueName: name,
    deadLetterQueueName: `${name}-dlq`,
  });
  await queue.ensureQueues();
  queue.sqs.middlewareStack.add(
    (next, context) => (args) => {
      requests.set(context.commandName!, (requests.get(context.commandName!) ?? 0) + 1);
      return next(args);
    },
    { step: "initialize" },
  );
  return queue;
}
/** SQS requests by command, since the last `takeRequests()`. */
const requests = new Map<string, number>();
function takeRequests(): Record<string, number> {
  const taken = Object.fromEntries(requests);
  requests.clear();
  return taken;
}

/**
 * Starts measuring a run of `jobs` jobs: the returned function reads wall time, this process's
 * CPU time (user + system: Tesseract's code and the SDK's, not the emulator's or PostgreSQL's)
 * and the SQS requests made since.
 */
function measure(jobs: number): () => Measured {
  takeRequests();
  const started = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - started) / 1_000;
    const used = process.cpuUsage(cpu);
    const sqs = takeRequests();
    for (const [name, n] of Object.entries(sqs)) requests.set(name, n);
    return {
      jobsPerSec: jobs / seconds,
      seconds,
      cpuMsPerJob: (used.user + used.system) / 1_000 / jobs,
      sqsRequestsPerJob: Object.fromEntries(
        Object.entries(sqs).map(([name, n]) => [name, n / jobs]),
      ),
    };
  };
}

/** Runs `count` tasks with `width` workers at once. */
async function pool(count: number, width: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** The raw loop: SendMessageBatch by tens, and consumers that receive, then delete one by one. */
async function raw(): Promise<Measured> {
  const queue = await freshQueue();
  const measuring = measure(JOBS);
  let deleted = 0;
  const producing = pool(Math.ceil(JOBS / 10), PRODUCERS, async (batch) => {
    const size = Math.min(10, JOBS - batch * 10);
    await queue.sendBatch(
      Array.from({ length: size }, (_, i) => ({ id: String(i), body: `{"n":${batch * 10 + i}}` })),
    );
  });
  const consuming = Promise.all(
    Array.from({ length: Math.max(1, Math.ceil(CONCURRENCY / 10)) }, async () => {
      while (deleted < JOBS) {
        const messages = await queue.receive({ max: 10, waitSeconds: 1 });
        await Promise.all(
          messages.map(async (m) => {
            await queue.acknowledge(m.ReceiptHandle!);
            deleted++;
          }),
        );
      }
    }),
  );
  await Promise.all([producing, consuming]);
  const measured = measuring();
  queue.sqs.destroy();
  return measured;
}

/**
 * Each job its own transaction (as a request would write it), relayed and consumed: `count`
 * jobs from `producers` at once (1: one after another, each waiting for its handler).
 */
async function outbox(count: number, producers: number): Promise<OutboxMeasured> {
  const queue = await freshQueue();
  const committed = new Map<string, number>();
  const handled = new Map<string, () => void>();
  const latencies: number[] = [];
  let resolveAll!: () => void;
  const allHandled = new Promise<void>((resolve) => (resolveAll = resolve));
  const consumer = createConsumer({
    queue,
    db: workerDatabase.db,
    logger: silentLogger,
    concurrency: CONCURRENCY,
    waitSeconds: 1,
    handlers: onlyHandlers({
      noop: (payload) => {
        const at = committed.get(payload.key!);
        if (at !== undefined) latencies.push(performance.now() - at);
        handled.get(payload.key!)?.();
        if (latencies.length === count) resolveAll();
        return Promise.resolve();
      },
    }),
  });
  const relay = createRelay({ db: workerDatabase.db, queue, logger: silentLogger });
  relay.start();
  consumer.start();
  const measuring = measure(count);
  await pool(count, producers, async (i) => {
    const key = `job-${i}`;
    const done = new Promise<void>((resolve) => handled.set(key, resolve));
    await database.db
      .transaction()
      .execute((trx) => enqueue(trx, { type: "noop", payload: { key } }));
    committed.set(key, performance.now());
    if (producers === 1) await done;
  });
  const enqueuedSeconds = measuring().seconds;
  await allHandled;
  const measured = measuring();
  await Promise.all([consumer.stop(5_000), relay.stop()]);
  queue.sqs.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { ...measured, enqueuedSeconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

try {
  // Warm both paths once (connections, JIT); then raw and outbox runs take turns, so whatever
  // else the machine does lands on both alike; the medians are compared.
  await raw();
  await outbox(Math.min(JOBS, 500), PRODUCERS);
  const raws: Measured[] = [];
  const outboxes: OutboxMeasured[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raws.push(await raw());
    outboxes.push(await outbox(JOBS, PRODUCERS));
  }
  raws.push(await raw());
  // Latency without a backlog: one job at a time, each enqueued once the last was handled.
  const oneByOne = await outbox(LATENCY_JOBS, 1);
  const report = jobsReport({
    settings: { jobs: JOBS, concurrency: CONCURRENCY, producers: PRODUCERS, rounds: ROUNDS },
    raws,
    outboxes,
    oneByOne,
    target: TARGET,
  });
  process.stdout.write(`${report.markdown}\n`);
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, "jobs-latest.json"), `${JSON.stringify(report.json, null, 2)}\n`);
  writeFileSync(join(values.out, "jobs-latest.md"), report.markdown);
} finally {
  await Promise.all([database.close(), workerDatabase.close()]);
  await Promise.all([emulator.stop(), testDatabase.drop()]);
}
