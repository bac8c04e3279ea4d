import type { Message } from "@aws-sdk/client-sqs";
import type { Logger } from "@tesseract/config";
import type { Database, Kysely } from "@tesseract/db";
import {
  contextFrom,
  inSpan,
  SpanKind,
  withLogFields,
  type AppMetrics,
} from "@tesseract/telemetry";
import type { Queue } from "./client.ts";
import { bindLogger, type JobHandlers } from "./handlers.ts";
import type { Job } from "./jobs.ts";
import { parseMessage } from "./parse-message.ts";
import { batchedBookkeeping, extendRun, finishRun, recordInvalid } from "./runs.ts";

export interface ConsumerOptions {
  queue: Queue;
  db: Kysely<Database>;
  handlers: JobHandlers;
  logger: Logger;
  /** Jobs running at once (default 4). */
  concurrency?: number;
  /** Long polls at once (default: one per 10 jobs of concurrency, so receiving keeps up). */
  pollers?: number;
  /** Long-poll wait per receive, seconds (default 10; a stop waits for the poll in progress). */
  waitSeconds?: number;
  /**
   * The queue lives and dies with this process (the embedded emulator): a stop cuts the poll in
   * progress off at once instead of letting it end. Whatever such a poll would have hidden
   * goes with the process's memory, and the outbox sends it again on the next start.
   */
  cutPollOnStop?: boolean;
  /** How long a running job's message stays hidden; renewed at a third of it (default 60). */
  visibilityTimeoutSeconds?: number;
  /** Receives before the dead-letter queue takes a message: the queue's redrive policy (default 5). */
  maxReceiveCount?: number;
  /** Seconds before a failed job is tried again, by attempt (default 10 s doubling, at most 15 min). */
  retryDelaySeconds?: (attempt: number) => number;
  /** Job durations and failures by type go here (tesseract_job_*). */
  metrics?: AppMetrics;
}

export interface Consumer {
  start(): void;
  /**
   * Stops receiving and waits up to `deadlineMs` for running jobs; any still running then are
   * handed back to the queue at once (visible again). Resolves true when all finished.
   */
  stop(deadlineMs: number): Promise<boolean>;
}

interface RunState {
  released: boolean;
  runId: number | undefined;
  /** The run's outcome is recorded: only deleting its message is left. */
  recorded: boolean;
  /** Frees the job's slot (once the outcome is recorded, not when the message is deleted). */
  freeSlot(): void;
}

interface InFlight {
  done: Promise<void>;
  release(): Promise<void>;
}

const MAX_RECEIVE_BACKOFF_MS = 30_000;
const HAND_BACK_GRACE_MS = 1_000;
// A delivery that finds the same job running elsewhere looks again after this long.
const BUSY_RETRY_SECONDS = 15;

export function defaultRetryDelaySeconds(attempt: number): number {
  return Math.min(900, 10 * 2 ** Math.max(0, attempt - 1));
}

/**
 * The SQS consumer: long polls while fewer than `concurrency` jobs run, validates each message
 * against the catalogue, records a `job_runs` row per attempt, keeps the message hidden while
 * its handler runs, deletes it on success and delays it (backoff) on failure; the queue's
 * redrive policy moves a message that keeps failing to the dead-letter queue.
 */
export function createConsumer(options: ConsumerOptions): Consumer {
  const { queue, db, handlers, logger, metrics } = options;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const waitSeconds = options.waitSeconds ?? 10;
  const visibility = options.visibilityTimeoutSeconds ?? 60;
  const maxReceiveCount = options.maxReceiveCount ?? 5;
  const retryDelay = options.retryDelaySeconds ?? defaultRetryDelaySeconds;
  const pollers = Math.max(1, options.pollers ?? Math.ceil(concurrency / 10));
  // Each poller takes its share of the slots; it waits until half its share is free (a
  // receive costs a round trip whether it brings one message or ten).
  const perReceive = Math.min(10, Math.ceil(concurrency / pollers));
  const batchFloor = Math.max(1, Math.floor(perReceive / 2));
  const inFlight = new Set<InFlight>();
  // Jobs holding a slot: running, or recording how they ended.
  let busy = 0;
  // Received one receive ahead of a free slot, so the next batch is at hand when one ends
  // (short jobs otherwise wait a round trip to SQS between batches); handed back at stop.
  const waiting: Message[] = [];
  // Messages a receive in progress may bring: pollers never take more than there is room for.
  let reserved = 0;
  const room = () => concurrency + perReceive - busy - waiting.length - reserved;
  const { claim, finish, acknowledge } = batchedBookkeeping(db, queue, pollers);
  // Cuts a long poll short (only past the stop deadline); ends a backoff pause at once.
  const receiving = new AbortController();
  const wakeSleep = new AbortController();
  let running = false;
  let loop: Promise<void> | undefined;
  const slotWaiters: (() => void)[] = [];
  const slotFreed = () => {
    startWaiting();
    for (const wake of slotWaiters.splice(0)) wake();
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeSleep.signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });

  async function poll(): Promise<void> {
    let backoffMs = 0;
    while (running) {
      while (room() < batchFloor && running) {
        await new Promise<void>((resolve) => slotWaiters.push(resolve));
      }
      if (!running) break;
      let messages: Message[];
      const max = Math.min(perReceive, room());
      reserved += max;
      try {
        messages = await queue.receive({ max, waitSeconds, signal: receiving.signal });
        if (backoffMs > 0) logger.info({}, "job queue reachable again");
        backoffMs = 0;
      } catch (err) {
        reserved -= max;
        if (!running) break;
        backoffMs = Math.min(MAX_RECEIVE_BACKOFF_MS, Math.max(250, backoffMs * 2));
        logger.warn({ err, retryInMs: backoffMs }, "could not receive jobs; backing off");
        await sleep(backoffMs * (0.5 + Math.random() / 2));
        continue;
      }
      reserved -= max;
      if (!running) {
        // Received while stopping: back to the queue at once, for another worker.
        await Promise.all(
          messages.map((m) => queue.changeVisibility(m.ReceiptHandle!, 0).catch(() => undefined)),
        );
        break;
      }
      waiting.push(...messages);
      startWaiting();
    }
  }

  function startWaiting(): void {
    while (running && busy < concurrency && waiting.length > 0) track(waiting.shift()!);
  }

  function track(message: Message): void {
    const controller = new AbortController();
    busy++;
    let holdsSlot = true;
    const state: RunState = {
      released: false,
      runId: undefined,
      recorded: false,
      freeSlot() {
        if (!holdsSlot) return;
        holdsSlot = false;
        busy--;
        slotFreed();
      },
    };
    const entry: InFlight = {
      done: handle(message, controller.signal, state)
        .catch((err: unknown) => {
          logger.error({ err, messageId: message.MessageId }, "job bookkeeping failed");
        })
        .finally(() => {
          inFlight.delete(entry);
          state.freeSlot();
        }),
      async release() {
        // Finished and recorded: its message is being deleted, nothing to hand back.
        if (state.recorded) return;
        state.released = true;
        controller.abort();
        // The run stops holding its claim, so the next delivery starts at once.
        await Promise.all([
          state.runId === undefined
            ? undefined
            : finishRun(db, state.runId, {
                status: "released",
                error: "handed back at shutdown",
                durationMs: 0,
              }),
          queue.changeVisibility(message.ReceiptHandle!, 0),
        ]).catch((err: unknown) => {
          logger.warn({ err, messageId: message.MessageId }, "could not hand a job back");
        });
      },
    };
    inFlight.add(entry);
  }

  async function handle(message: Message, signal: AbortSignal, state: RunState): Promise<void> {
    const receipt = message.ReceiptHandle!;
    const attempt = Number(message.Attributes?.ApproximateReceiveCount ?? "1");
    const parsed = parseMessage(message.Body);
    if (!parsed.ok) {
      logger.error(
        { messageId: message.MessageId, attempt, error: parsed.error },
        "a message that is not a valid job; the dead-letter queue will take it",
      );
      await recordInvalid(db, { ...parsed, attempt });
      await queue.changeVisibility(receipt, retryDelay(attempt));
      return;
    }
    const { envelope, job } = parsed;
    const log = bindLogger(logger, {
      jobId: envelope.id,
      jobType: job.type,
      attempt,
      ...(envelope.requestId ? { requestId: envelope.requestId } : {}),
    });
    const claimed = await claim({
      jobId: envelope.id,
      type: job.type,
      attempt,
      requestId: envelope.requestId,
      messageId: message.MessageId,
      leaseSeconds: visibility,
    });
    if (claimed.kind === "done") {
      log.info({}, "job already done; duplicate delivery acknowledged");
      await queue.acknowledge(receipt);
      return;
    }
    if (claimed.kind === "busy") {
      log.info({}, "job running elsewhere; delivery postponed");
      await queue.changeVisibility(receipt, Math.min(BUSY_RETRY_SECONDS, visibility));
      return;
    }
    const runId = claimed.runId;
    state.runId = runId;
    const extender = setInterval(
      () => {
        void Promise.all([
          queue.changeVisibility(receipt, visibility),
          extendRun(db, runId, visibility),
        ]).catch((err: unknown) => {
          log.warn({ err }, "could not extend a running job's visibility");
        });
      },
      Math.max(1_000, (visibility * 1_000) / 3),
    );
    const started = performance.now();
    let error: unknown;
    try {
      // The union's members line up with the handlers' by type.
      const handler = handlers[job.type] as (
        payload: Job["payload"],
        ...rest: unknown[]
      ) => Promise<void>;
      // The run continues the trace of the request that enqueued it, and every log line
      // written inside it (by any logger) says which job it belongs to.
      const fields = { jobId: envelope.id, jobType: job.type, requestId: envelope.requestId };
      await withLogFields(fields, () =>
        inSpan(
          `job ${job.type}`,
          {
            kind: SpanKind.CONSUMER,
            parent: contextFrom({ traceparent: envelope.traceparent }),
            attributes: { "job.id": envelope.id, "job.type": job.type, "job.attempt": attempt },
          },
          () =>
            handler(job.payload, {
              jobId: envelope.id,
              attempt,
              requestId: envelope.requestId,
              logger: log,
              signal,
            }),
        ),
      );
    } catch (err) {
      error = err;
    } finally {
      clearInterval(extender);
    }
    const durationMs = performance.now() - started;
    const outcome = state.released ? "released" : error === undefined ? "succeeded" : "failed";
    metrics?.jobDuration.observe({ type: job.type, status: outcome }, durationMs / 1_000);
    if (outcome === "failed") metrics?.jobFailures.inc({ type: job.type });
    if (state.released) {
      // Already recorded as released and visible again: another delivery owns it now.
      log.warn({ succeeded: error === undefined }, "job handed back to the queue at shutdown");
      return;
    }
    if (error === undefined) {
      await finish({ runId, status: "succeeded", durationMs });
      state.recorded = true;
      state.freeSlot();
      log.info({ durationMs: Math.round(durationMs) }, "job succeeded");
      // A message not deleted is delivered again later, then acknowledged as a duplicate.
      const deleteError = await acknowledge(receipt).catch((err: unknown) => err);
      if (deleteError !== undefined)
        log.warn({ err: deleteError }, "could not delete a finished job's message");
      return;
    }
    const text = error instanceof Error ? error.message : JSON.stringify(error);
    await finish({ runId, status: "failed", error: text, durationMs });
    const last = attempt >= maxReceiveCount;
    log[last ? "error" : "warn"](
      { err: error, retryInSeconds: last ? undefined : retryDelay(attempt) },
      last ? "job failed for the last time; it goes to the dead-letter queue" : "job failed",
    );
    await queue.changeVisibility(receipt, last ? 0 : retryDelay(attempt));
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = Promise.all(Array.from({ length: pollers }, () => poll())).then(() => undefined);
    },
    async stop(deadlineMs) {
      running = false;
      wakeSleep.abort();
      slotFreed();
      // Not started yet: back to the queue at once, for another worker.
      const handedBack = Promise.all(
        waiting
          .splice(0)
          .map((m) => queue.changeVisibility(m.ReceiptHandle!, 0).catch(() => undefined)),
      );
      // SQS may hand a message to a long poll whose caller already left, hiding it for the
      // visibility timeout (delayed, not lost). So the poll in progress is not cut off while
      // the deadline allows: it ends within waitSeconds, handing back at once whatever it
      // receives. Jobs still running at the deadline are handed back first, then the poll
      // gets a moment to take and return them before it is cut off.
      const deadline = Date.now() + deadlineMs;
      const all = Promise.all([...inFlight].map((entry) => entry.done));
      const drained = await within(all, deadlineMs);
      if (!drained) await Promise.all([...inFlight].map((entry) => entry.release()));
      const wait = options.cutPollOnStop
        ? 0
        : drained
          ? Math.max(0, deadline - Date.now())
          : HAND_BACK_GRACE_MS;
      if (!(await within(loop ?? Promise.resolve(), wait))) {
        receiving.abort();
        await loop;
      }
      await handedBack;
      return drained;
    },
  };
}

/** Resolves true when `promise` settles within `ms`, false otherwise. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>(
      (resolve) =>
        (timer = setTimeout(() => {
          resolve(false);
        }, ms)),
    ),
  ]);
  clearTimeout(timer);
  return settled;
}
