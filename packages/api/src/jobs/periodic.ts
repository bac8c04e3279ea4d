import type { Database, Kysely } from "@tesseract/db";
import { enqueue, type JobType } from "@tesseract/queue";

/** A job that runs every `intervalMs`, each run scheduling the next. */
export interface PeriodicJob {
  type: Extract<JobType, "attachment.cleanup" | "export.expire">;
  intervalMs: number;
}

/**
 * Schedules the run of the interval slot after `now` (or of the current one, for the first
 * run when a job runtime starts). The slot is the job's dedupe key, so any number of workers
 * scheduling at once write one job per slot; each run schedules the next.
 */
export async function schedulePeriodicJob(
  db: Kysely<Database>,
  job: PeriodicJob,
  now: Date,
  which: "current" | "next" = "next",
): Promise<void> {
  const slot = Math.floor(now.getTime() / job.intervalMs) + (which === "next" ? 1 : 0);
  const delaySeconds = Math.max(0, Math.ceil((slot * job.intervalMs - now.getTime()) / 1_000));
  await db
    .transaction()
    .execute((trx) =>
      enqueue(
        trx,
        { type: job.type, payload: {} },
        { dedupeKey: `${job.type}:${slot}`, delaySeconds },
      ),
    );
}

/**
 * Calls `batch(limit)` until it does less than `limit` (a sweep's runs over what is left);
 * resolves with the total done.
 */
export async function sweep(
  batch: (limit: number) => Promise<number>,
  limit = 100,
): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await batch(limit);
    total += done;
    if (done < limit) return total;
  }
}
