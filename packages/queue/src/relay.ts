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
  /** Rows claimed at once, sent in batches side by side (default 50). */
  claimSize?: number;
  /** How often an idle relay looks for rows written by other processes (ms). */
  idleIntervalMs?: number;
  /**
   * Called after the batch is sent and before the commit that marks it sent (tests inject
   * crashes here).
   */
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

/** An outbox row as the SQS message the consumer reads (see `envelopeSchema`). */
function toMessage(row: {
  id: number;
  type: string;
  payload: unknown;
  request_id: string | null;
  traceparent: string | null;
  created_at: Date;
}): { id: string; body: string } {
  const envelope: Envelope = {
    id: row.id,
    type: row.type,
    payload: row.payload,
    ...(row.request_id ? { requestId: row.request_id } : {}),
    ...(row.traceparent ? { traceparent: row.traceparent } : {}),
    enqueuedAt: row.created_at.toISOString(),
  };
  return { id: String(row.id), body: JSON.stringify(envelope) };
}

/**
 * Moves due outbox rows to SQS. Each claim is locked (`FOR UPDATE SKIP LOCKED`, so relays in
 * several processes share the work and never send the same row), marked, and sent in one
 * transaction: a crash before the commit rolls the mark back and the rows are sent again —
 * at least once, never lost. Consumers dedupe on the job id.
 */
export function createRelay(options: RelayOptions): Relay {
  const { db, queue, logger } = options;
  const batchSize = Math.min(10, options.batchSize ?? 10);
  const claimSize = Math.max(batchSize, options.claimSize ?? 50);
  const idleIntervalMs = options.idleIntervalMs ?? 1_000;
  let running = false;
  let loop: Promise<void> | undefined;
  let followUp = FOLLOW_UP_MS.length;
  let wake: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;

  async function runOnce(): Promise<number> {
    return db.transaction().execute(async (trx) => {
      // Claimed and marked sent in one statement; the rows stay locked until the commit, after
      // the sends: a crash or a failed send before it rolls the mark back (sent again later).
      const rows = await trx
        .updateTable("outbox")
        .set({ sent_at: sql<Date>`now()`, attempts: sql<number>`attempts + 1` })
        .where("id", "in", (eb) =>
          eb
            .selectFrom("outbox")
            .select("id")
            .where("sent_at", "is", null)
            .where("available_at", "<=", sql<Date>`now()`)
            .orderBy("id")
            .limit(claimSize)
            .forUpdate()
            .skipLocked(),
        )
        .returning(["id", "type", "payload", "request_id", "traceparent", "created_at"])
        .execute();
      if (rows.length === 0) return 0;
      const batches: (typeof rows)[] = [];
      for (let i = 0; i < rows.length; i += batchSize) batches.push(rows.slice(i, i + batchSize));
      const failed = (
        await Promise.all(batches.map((batch) => queue.sendBatch(batch.map(toMessage))))
      ).flat();
      await options.afterSend?.(rows.map((row) => row.id));
      for (const { id, error } of failed) {
        logger.warn({ jobId: id, error }, "SQS refused a job; it will be sent again");
        await trx
          .updateTable("outbox")
          .set({
            sent_at: null,
            last_error: error.slice(0, 1_000),
            available_at: sql<Date>`now() + make_interval(secs => ${REFUSED_RETRY_SECONDS} * attempts)`,
          })
          .where("id", "=", Number(id))
          .execute();
      }
      return rows.length - failed.length;
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
