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
import { envelopeSchema, jobSchema, type Job } from "./jobs.ts";
import { claimRun, extendRun, finishRun, recordInvalid } from "./runs.ts";

export interface ConsumerOptions {
  queue: Queue;
  db: Kysely<Database>;
  handlers: JobHandlers;
  logger: Logger;
  /** Jobs running at once (default 4). */
  concurrency?: number;
  /** Long-poll wait per receive, seconds (default 10; a stop waits for the poll in progress). */
  waitSeconds?: number;
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
  const batchFloor = Math.max(1, Math.floor(Math.min(10, concurrency) / 2));
  const waitSeconds = options.waitSeconds ?? 10;
  const visibility = options.visibilityTimeoutSeconds ?? 60;
  const maxReceiveCount = options.maxReceiveCount ?? 5;
  const retryDelay = options.retryDelaySeconds ?? defaultRetryDelaySeconds;
  const inFlight = new Set<InFlight>();
  // Cuts a long poll short (only past the stop deadline); ends a backoff pause at once.
  const receiving = new AbortController();
  const wakeSleep = new AbortController();
  let running = false;
  let loop: Promise<void> | undefined;
  let slotFreed: (() => void) | undefined;

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
      // Under load, receive in batches (once half the slots are free) rather than one message
      // per freed slot: a receive costs a round trip whether it brings one message or ten.
      while (inFlight.size > concurrency - batchFloor && running) {
        await new Promise<void>((resolve) => (slotFreed = resolve));
      }
      if (!running) break;
      let messages: Message[];
      try {
        messages = await queue.receive({
          max: Math.min(10, concurrency - inFlight.size),
          waitSeconds,
          signal: receiving.signal,
        });
        if (backoffMs > 0) logger.info({}, "job queue reachable again");
        backoffMs = 0;
      } catch (err) {
        if (!running) break;
        backoffMs = Math.min(MAX_RECEIVE_BACKOFF_MS, Math.max(250, backoffMs * 2));
        logger.warn({ err, retryInMs: backoffMs }, "could not receive jobs; backing off");
        await sleep(backoffMs * (0.5 + Math.random() / 2));
        continue;
      }
      if (!running) {
        // Received while stopping: back to the queue at once, for another worker.
        await Promise.all(
          messages.map((m) => queue.changeVisibility(m.ReceiptHandle!, 0).catch(() => undefined)),
        );
        break;
      }
      for (const message of messages) track(message);
    }
  }

  function track(message: Message): void {
    const controller = new AbortController();
    const state: RunState = { released: false, runId: undefined };
    const entry: InFlight = {
      done: handle(message, controller.signal, state)
        .catch((err: unknown) => {
          logger.error({ err, messageId: message.MessageId }, "job bookkeeping failed");
        })
        .finally(() => {
          inFlight.delete(entry);
          slotFreed?.();
        }),
      async release() {
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
    const claim = await claimRun(db, {
      jobId: envelope.id,
      type: job.type,
      attempt,
      requestId: envelope.requestId,
      messageId: message.MessageId,
      leaseSeconds: visibility,
    });
    if (claim.kind === "done") {
      log.info({}, "job already done; duplicate delivery acknowledged");
      await queue.acknowledge(receipt);
      return;
    }
    if (claim.kind === "busy") {
      log.info({}, "job running elsewhere; delivery postponed");
      await queue.changeVisibility(receipt, Math.min(BUSY_RETRY_SECONDS, visibility));
      return;
    }
    state.runId = claim.runId;
    const extender = setInterval(
      () => {
        void Promise.all([
          queue.changeVisibility(receipt, visibility),
          extendRun(db, claim.runId, visibility),
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
      await finishRun(db, claim.runId, { status: "succeeded", durationMs });
      log.info({ durationMs: Math.round(durationMs) }, "job succeeded");
      await queue.acknowledge(receipt).catch((err: unknown) => {
        // Delivered again later, then acknowledged as a duplicate.
        log.warn({ err }, "could not delete a finished job's message");
      });
      return;
    }
    const text = error instanceof Error ? error.message : JSON.stringify(error);
    await finishRun(db, claim.runId, { status: "failed", error: text, durationMs });
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
      loop = poll();
    },
    async stop(deadlineMs) {
      running = false;
      wakeSleep.abort();
      slotFreed?.();
      // SQS may hand a message to a long poll whose caller already left, hiding it for the
      // visibility timeout (delayed, not lost). So the poll in progress is not cut off while
      // the deadline allows: it ends within waitSeconds, handing back at once whatever it
      // receives. Jobs still running at the deadline are handed back first, then the poll
      // gets a moment to take and return them before it is cut off.
      const deadline = Date.now() + deadlineMs;
      const all = Promise.all([...inFlight].map((entry) => entry.done));
      const drained = await within(all, deadlineMs);
      if (!drained) await Promise.all([...inFlight].map((entry) => entry.release()));
      const wait = drained ? Math.max(0, deadline - Date.now()) : HAND_BACK_GRACE_MS;
      if (!(await within(loop ?? Promise.resolve(), wait))) {
        receiving.abort();
        await loop;
      }
      return drained;
    },
  };
}

type Parsed =
  | { ok: true; envelope: ReturnType<typeof envelopeSchema.parse>; job: Job }
  | { ok: false; jobId: number | undefined; type: string; error: string };

function parseMessage(body: string | undefined): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(body ?? "");
  } catch {
    return { ok: false, jobId: undefined, type: "unknown", error: "body is not JSON" };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success)
    return { ok: false, jobId: undefined, type: "unknown", error: envelope.error.message };
  const job = jobSchema.safeParse({ type: envelope.data.type, payload: envelope.data.payload });
  if (!job.success)
    return {
      ok: false,
      jobId: envelope.data.id,
      type: envelope.data.type,
      error: job.error.message,
    };
  return { ok: true, envelope: envelope.data, job: job.data };
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
