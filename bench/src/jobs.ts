import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
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

// `pnpm bench:jobs`: jobs per second through outbox → SQS → consumer with a no-op handler,
// beside a raw send/receive/delete loop on the same kind of queue in the same run, and the
// commit-to-handler latency. Services mode: real PostgreSQL, the S3/SQS emulator in a process of
// its own (so this process's CPU is Tesseract's and the SDK's, for both paths alike).

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "10" },
    producers: { type: "string", default: "10" },
    out: { type: "string", default: new URL("../results", import.meta.url).pathname },
  },
});
const JOBS = Number(values.jobs);
const CONCURRENCY = Number(values.concurrency);
const PRODUCERS = Number(values.producers);
const TARGET = 0.5;
const LATENCY_JOBS = 200;

const [emulator, testDatabase] = await Promise.all([startEmulatorChild(), createTestDatabase()]);
const connection = {
  endpoint: emulator.url,
  region: "us-east-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
};
// The test helper's pool holds 5 connections; production's default (DATABASE_POOL_MAX) is 10.
const database = await createDatabase({ url: testDatabase.url, poolMax: 10, logger: silentLogger });
let queues = 0;
async function freshQueue(): Promise<Queue> {
  const name = `tesseract-bench-jobs-${++queues}`;
  const queue = createQueue({
    ...connection,
    queueName: name,
    deadLetterQueueName: `${name}-dlq`,
  });
  await queue.ensureQueues();
  return queue;
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
async function raw(): Promise<{ jobsPerSec: number; seconds: number }> {
  const queue = await freshQueue();
  const started = performance.now();
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
  const seconds = (performance.now() - started) / 1_000;
  queue.sqs.destroy();
  return { jobsPerSec: JOBS / seconds, seconds };
}

/**
 * Each job its own transaction (as a request would write it), relayed and consumed: `count`
 * jobs from `producers` at once (1: one after another, each waiting for its handler).
 */
async function outbox(
  count: number,
  producers: number,
): Promise<{
  jobsPerSec: number;
  seconds: number;
  /** When the last job was committed (the rest is the relay and the consumer catching up). */
  enqueuedSeconds: number;
  p50Ms: number;
  p99Ms: number;
}> {
  const queue = await freshQueue();
  const committed = new Map<string, number>();
  const handled = new Map<string, () => void>();
  const latencies: number[] = [];
  let resolveAll!: () => void;
  const allHandled = new Promise<void>((resolve) => (resolveAll = resolve));
  const consumer = createConsumer({
    queue,
    db: database.db,
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
  const relay = createRelay({ db: database.db, queue, logger: silentLogger });
  relay.start();
  consumer.start();
  const started = performance.now();
  await pool(count, producers, async (i) => {
    const key = `job-${i}`;
    const done = new Promise<void>((resolve) => handled.set(key, resolve));
    await database.db
      .transaction()
      .execute((trx) => enqueue(trx, { type: "noop", payload: { key } }));
    committed.set(key, performance.now());
    if (producers === 1) await done;
  });
  const enqueuedSeconds = (performance.now() - started) / 1_000;
  await allHandled;
  const seconds = (performance.now() - started) / 1_000;
  await Promise.all([consumer.stop(5_000), relay.stop()]);
  queue.sqs.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    jobsPerSec: count / seconds,
    seconds,
    enqueuedSeconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

try {
  // Warm both paths once (connections, JIT), then measure raw, outbox, raw again.
  await raw();
  const rawFirst = await raw();
  const viaOutbox = await outbox(JOBS, PRODUCERS);
  const rawSecond = await raw();
  // Latency without a backlog: one job at a time, each enqueued once the last was handled.
  const oneByOne = await outbox(LATENCY_JOBS, 1);
  const rawRate = (rawFirst.jobsPerSec + rawSecond.jobsPerSec) / 2;
  const ratio = viaOutbox.jobsPerSec / rawRate;
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim();
  const report = {
    at: new Date().toISOString(),
    commit,
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg()[0],
    jobs: JOBS,
    concurrency: CONCURRENCY,
    producers: PRODUCERS,
    raw: { first: rawFirst, second: rawSecond, jobsPerSec: rawRate },
    outbox: viaOutbox,
    oneByOne,
    ratio,
    target: TARGET,
    met: ratio >= TARGET,
  };
  const f = (n: number) => Math.round(n).toLocaleString("en-US");
  const md = [
    `## Tesseract jobs bench — ${report.at}`,
    "",
    `commit ${commit} · Node ${process.version} · ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(2)} at the end) · ${JOBS} jobs per run · ${PRODUCERS} producers · consumer concurrency ${CONCURRENCY} · PostgreSQL 15 + the S3/SQS emulator in its own process`,
    "",
    "| run | jobs/s | seconds | commit → handler p50 | p99 | vs raw |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    `| raw SendMessageBatch / ReceiveMessage / DeleteMessage (before) | ${f(rawFirst.jobsPerSec)} | ${rawFirst.seconds.toFixed(2)} | – | – | – |`,
    `| **outbox → relay → SQS → consumer (no-op handler, job_runs recorded)** | ${f(viaOutbox.jobsPerSec)} | ${viaOutbox.seconds.toFixed(2)} (all committed at ${viaOutbox.enqueuedSeconds.toFixed(2)}) | ${viaOutbox.p50Ms.toFixed(1)} ms | ${viaOutbox.p99Ms.toFixed(1)} ms | ${(ratio * 100).toFixed(1)} % |`,
    `| raw SendMessageBatch / ReceiveMessage / DeleteMessage (after) | ${f(rawSecond.jobsPerSec)} | ${rawSecond.seconds.toFixed(2)} | – | – | – |`,
    `| outbox, one job at a time (${LATENCY_JOBS} jobs, no backlog) | ${f(oneByOne.jobsPerSec)} | ${oneByOne.seconds.toFixed(2)} | ${oneByOne.p50Ms.toFixed(1)} ms | ${oneByOne.p99Ms.toFixed(1)} ms | – |`,
    "",
    `Target: outbox path ≥ ${TARGET * 100} % of raw (mean of the two raw runs): **${report.met ? "MET" : "MISS"}** (${(ratio * 100).toFixed(1)} %).`,
    "",
  ].join("\n");
  process.stdout.write(`${md}\n`);
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, "jobs-latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(values.out, "jobs-latest.md"), md);
} finally {
  await database.close();
  await Promise.all([emulator.stop(), testDatabase.drop()]);
}
