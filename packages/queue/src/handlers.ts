import type { Logger } from "@tesseract/config";
import { jobSchema, type JobPayload, type JobType } from "./jobs.ts";

export interface JobContext {
  /** The outbox id: the same for every delivery of one job. */
  jobId: number;
  /** Which receive this is (SQS's ApproximateReceiveCount), from 1. */
  attempt: number;
  requestId: string | undefined;
  /** Carries the job id, type, attempt and request id on every line. */
  logger: Logger;
  /** Aborted when the worker hands the job back while it runs (shutdown past its deadline). */
  signal: AbortSignal;
}

export type JobHandler<T extends JobType> = (
  payload: JobPayload<T>,
  context: JobContext,
) => Promise<void>;

/** One handler per job type: a missing one is a type error. */
export type JobHandlers = { [T in JobType]: JobHandler<T> };

/**
 * The given handlers, and for every other job type one that fails (so the job is retried and
 * ends in the dead-letter queue): for tests and tools that run only some job types.
 */
export function onlyHandlers(handlers: Partial<JobHandlers>): JobHandlers {
  const all: Record<string, JobHandler<JobType>> = {};
  for (const option of jobSchema.options) {
    const type = option.shape.type.value;
    all[type] =
      (handlers[type] as JobHandler<JobType> | undefined) ??
      (() => Promise.reject(new Error(`no handler for ${type} here`)));
  }
  return all as JobHandlers;
}

/** A logger whose every line carries `fields` (pino's child when there is one). */
export function bindLogger(logger: Logger, fields: Record<string, unknown>): Logger {
  const withChild = logger as Logger & { child?: (bindings: object) => Logger };
  if (typeof withChild.child === "function") return withChild.child(fields);
  return {
    debug: (obj, msg) => {
      logger.debug({ ...fields, ...obj }, msg);
    },
    info: (obj, msg) => {
      logger.info({ ...fields, ...obj }, msg);
    },
    warn: (obj, msg) => {
      logger.warn({ ...fields, ...obj }, msg);
    },
    error: (obj, msg) => {
      logger.error({ ...fields, ...obj }, msg);
    },
    isLevelEnabled: (level) => logger.isLevelEnabled(level),
  };
}
