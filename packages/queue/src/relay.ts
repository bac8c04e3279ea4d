import type { Logger } from "@tesseract/config";
import { sql, type Database, type Kysely } from "@tesseract/db";
import type { Queue } from "./client.ts";
import type { Envelope } from "./jobs.ts";
import { onEnqueue } from "./outbox.ts";

export interface RelayOptions {
  db: Kysely<Database>;
  queue: Queue;
  logger: Logger;
  /** Rows per SendMessageBatch (SQS takes at most 10). */
  batchSize?: number;
  /** How often an idle relay looks for rows written by other processes (ms). */
  idleIntervalMs?: number;
  /** Called after the batch is sent and before it is marked sent (tests inject crashes here). */
  afterSend?: (ids: number[]) => void | Promise<void>;
}

export interface Relay {
  /** Sends one batch of due rows; resolves with how many were sent. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

// After an enqueue in this process the row is not committed yet: look again soon, then less
// often, then settle back to the idle interval.
const FOLLOW_UP_MS = [2, 10, 25, 50, 100, 250];
const MAX_ERROR_BACKOFF_MS = 30_000;
// A row SQS refused is tried again later, waiting longer each time.
const REFUSED_RETRY_SECONDS = 30;

/**
 * Moves due outbox rows to SQS. Each batch is locked (`FOR UPDATE SKIP LOCKED`, so relays in
 * several processes share the work and never send the same row), sent, and marked sent in one
 * transaction: a crash before the mark rolls the lock back and the rows are sent again —
 * at least once, never lost. Consumers dedupe on the job id.
 */
export function createRelay(options: RelayOptions): Relay {
  const { db, queue, logger } = options;
  const batchSize = Math.min(10, options.batchSize ?? 10);
  const idleIntervalMs = options.idleIntervalMs ?? 1_000;
  let running = false;
  let loop: Promise<void> | undefined;
  let followUp = FOLLOW_UP_MS.length;
  let wake: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;

  async function runOnce(): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("outbox")
        .select(["id", "type", "payload", "request_id", "traceparent", "created_at"])
        .where("sent_at", "is", null)
        .where("available_at", "<=", sql<Date>`now()`)
        .orderBy("id")
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const failed = await queue.sendBatch(
        rows.map((row) => {
          const envelope: Envelope = {
            id: row.id,
            type: row.type,
            payload: row.payload,
            ...(row.request_id ? { requestId: row.request_id } : {}),
            ...(row.traceparent ? { traceparent: row.traceparent } : {}),
            enqueuedAt: row.created_at.toISOString(),
          };
          return { id: String(row.id), body: JSON.stringify(envelope) };
        }),
      );
      await options.afterSend?.(rows.map((row) => row.id));
      const refused = new Map(failed.map((f) => [Number(f.id), f.error]));
      const sent = rows.filter((row) => !refused.has(row.id)).map((row) => row.id);
      if (sent.length > 0) {
        await trx
          .updateTable("outbox")
          .set({ sent_at: sql<Date>`now()`, attempts: sql<number>`attempts + 1` })
          .where("id", "in", sent)
          .execute();
      }
      for (const [id, error] of refused) {
        logger.warn({ jobId: id, error }, "SQS refused a job; it will be sent again");
        await trx
          .updateTable("outbox")
          .set({
            attempts: sql<number>`attempts + 1`,
            last_error: error.slice(0, 1_000),
            available_at: sql<Date>`now() + make_interval(secs => ${REFUSED_RETRY_SECONDS} * (attempts + 1))`,
          })
          .where("id", "=", id)
          .execute();
      }
      return sent.length;
    });
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function run(): Promise<void> {
    let errorBackoffMs = 0;
    while (running) {
      let sent: number;
      try {
        sent = await runOnce();
        if (errorBackoffMs > 0) logger.info({}, "outbox relay recovered");
        errorBackoffMs = 0;
      } catch (err) {
        errorBackoffMs = Math.min(MAX_ERROR_BACKOFF_MS, Math.max(200, errorBackoffMs * 2));
        logger.warn({ err, retryInMs: errorBackoffMs }, "outbox relay failed; backing off");
        await sleep(errorBackoffMs * (0.5 + Math.random() / 2));
        continue;
      }
      if (!running) break;
      if (sent > 0) {
        followUp = 0;
        continue;
      }
      const delay = followUp < FOLLOW_UP_MS.length ? FOLLOW_UP_MS[followUp++]! : idleIntervalMs;
      await sleep(delay);
    }
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      unsubscribe = onEnqueue(() => {
        followUp = 0;
        wake?.();
      });
      loop = run();
    },
    async stop() {
      running = false;
      unsubscribe?.();
      wake?.();
      await loop;
    },
  };
}
