import { sql, type Database, type Json, type Kysely, type Transaction } from "@tesseract/db";
import { currentTraceparent } from "@tesseract/telemetry";
import { jobSchema, type Job } from "./jobs.ts";

export interface EnqueueOptions {
  /** The request that caused the job; it travels with the job into the worker's logs. */
  requestId?: string;
  /** A second job with the same key is not written (the first one's id is not returned). */
  dedupeKey?: string;
  /** Seconds before the relay sends the job (any length: the outbox holds it, not SQS). */
  delaySeconds?: number;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Relays in this process are told when a job is written, so they look sooner than their poll. */
export function onEnqueue(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Writes a job to the outbox in the caller's transaction: it is sent only if that transaction
 * commits. Resolves with the job id (the outbox row's), or undefined when `dedupeKey` matched
 * an earlier job.
 */
export async function enqueue(
  trx: Transaction<Database>,
  job: Job,
  options: EnqueueOptions = {},
): Promise<number | undefined> {
  const parsed = jobSchema.parse(job);
  const delay = Math.max(0, Math.floor(options.delaySeconds ?? 0));
  const row = await trx
    .insertInto("outbox")
    .values({
      type: parsed.type,
      // The payload has passed the catalogue: plain JSON values only.
      payload: parsed.payload as Json,
      dedupe_key: options.dedupeKey ?? null,
      request_id: options.requestId ?? null,
      // The enqueuing span's trace continues in the worker (undefined without tracing).
      traceparent: currentTraceparent() ?? null,
      ...(delay > 0 ? { available_at: sql<Date>`now() + make_interval(secs => ${delay})` } : {}),
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  // The transaction has not committed yet: the relay's quick follow-up polls find the row
  // once it has.
  for (const listener of listeners) listener();
  return row?.id;
}

/**
 * Seconds the oldest due, unsent outbox row has waited (0 when none): how far the relay is
 * behind. A row delayed on purpose (`delaySeconds`) counts only from when it became due.
 */
export async function outboxLagSeconds(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select(sql<number>`extract(epoch from now() - min(available_at))::float8`.as("lag"))
    .where("sent_at", "is", null)
    .where("available_at", "<=", sql<Date>`now()`)
    .executeTakeFirst();
  return Math.max(0, row?.lag ?? 0);
}
