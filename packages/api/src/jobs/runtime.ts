import type { Logger } from "@tesseract/config";
import {
  createConsumer,
  createRelay,
  requeueForgottenJobs,
  type JobHandlers,
} from "@tesseract/queue";
import type { Services } from "../services.ts";
import { scheduleAttachmentCleanup } from "./attachment-cleanup.ts";
import { EXPORT_EXPIRY } from "./export-expire.ts";
import { schedulePeriodicJob } from "./periodic.ts";
import type { LoadImageLibrary } from "./attachment-process.ts";
import { createJobHandlers } from "./handlers.ts";

export interface JobRuntime {
  /**
   * Stops the relay and the consumer: running jobs get `deadlineMs` to finish and are handed
   * back to the queue after that. Resolves true when every job finished.
   */
  stop(deadlineMs: number): Promise<boolean>;
}

export interface JobRuntimeOptions {
  /** Loads sharp from the app that runs the jobs (see `LoadImageLibrary`). */
  loadImageLibrary: LoadImageLibrary;
  /** Replaces handlers (tests). */
  handlers?: Partial<JobHandlers>;
  /** Long-poll wait in seconds (default 10). */
  waitSeconds?: number;
  /** How often an idle relay looks for rows written by other processes (ms). */
  relayIdleMs?: number;
  /** Seconds before a failed job is tried again, by attempt (tests shorten it). */
  retryDelaySeconds?: (attempt: number) => number;
}

/**
 * The outbox relay and the job consumer, together: run by `apps/worker`, and by the API server
 * itself in the embedded mode (its stand-ins are single-process). The same code either way.
 */
export function startJobRuntime(
  services: Services,
  logger: Logger,
  options: JobRuntimeOptions,
): JobRuntime {
  const { config } = services;
  const relay = createRelay({
    db: services.db,
    queue: services.queue,
    logger,
    idleIntervalMs: options.relayIdleMs,
  });
  const consumer = createConsumer({
    queue: services.queue,
    db: services.db,
    handlers: { ...createJobHandlers(services, options.loadImageLibrary), ...options.handlers },
    logger,
    concurrency: config.jobs.concurrency,
    maxReceiveCount: config.jobs.maxReceiveCount,
    visibilityTimeoutSeconds: config.jobs.visibilityTimeoutSeconds,
    waitSeconds: options.waitSeconds,
    // The embedded emulator runs in this process: a stop need not wait out the poll.
    cutPollOnStop: config.aws.useEmulator,
    retryDelaySeconds: options.retryDelaySeconds,
    metrics: services.metrics,
  });
  // The embedded emulator keeps its queues in memory: jobs relayed before a restart are gone
  // from it, so they are relayed again before the relay starts (handlers are idempotent).
  let stopping = false;
  const recovered = config.aws.useEmulator
    ? requeueForgottenJobs(services.db, config.jobs.maxReceiveCount).then(
        (count) => {
          if (count > 0) logger.warn({ count }, "jobs lost by the in-memory queue sent again");
        },
        (err: unknown) => {
          logger.error({ err }, "could not look for jobs lost by the in-memory queue");
        },
      )
    : Promise.resolve();
  void recovered.then(() => {
    if (!stopping) relay.start();
  });
  consumer.start();
  // Periodic jobs start their chain here (each run schedules the next; a dedupe key per slot
  // keeps several workers from doubling it).
  scheduleAttachmentCleanup(services.db, services.now(), "current").catch((err: unknown) => {
    logger.error({ err }, "could not schedule the cleanup of abandoned uploads");
  });
  schedulePeriodicJob(services.db, EXPORT_EXPIRY, services.now(), "current").catch(
    (err: unknown) => {
      logger.error({ err }, "could not schedule the deletion of expired exports' files");
    },
  );
  logger.info(
    { concurrency: config.jobs.concurrency, queue: config.aws.queueName },
    "job runtime started",
  );
  return {
    async stop(deadlineMs) {
      stopping = true;
      await recovered;
      const [drained] = await Promise.all([consumer.stop(deadlineMs), relay.stop()]);
      return drained;
    },
  };
}
