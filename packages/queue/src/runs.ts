import { sql, type Database, type Kysely } from "@tesseract/db";
import { createBatcher } from "./batcher.ts";
import type { Queue } from "./client.ts";

export type RunStatus = "running" | "succeeded" | "failed" | "released" | "abandoned" | "invalid";

export interface RunStart {
  jobId: number;
  type: string;
  attempt: number;
  requestId: string | undefined;
  messageId: string | undefined;
  leaseSeconds: number;
}

export type Claim = { kind: "claimed"; runId: number } | { kind: "done" } | { kind: "busy" };

/**
 * Starts a run of a job unless another delivery of it is running (with a live lease) or has
 * succeeded. A running row whose lease has lapsed belonged to a worker that died: it is
 * marked abandoned and this delivery takes over.
 */
export async function claimRun(db: Kysely<Database>, start: RunStart): Promise<Claim> {
  for (let tries = 0; tries < 2; tries++) {
    const row = await db
      .insertInto("job_runs")
      .values(runningRow(start))
      .onConflict((oc) =>
        oc.column("job_id").where("status", "in", ["running", "succeeded"]).doNothing(),
      )
      .returning("id")
      .executeTakeFirst();
    if (row) return { kind: "claimed", runId: row.id };
    const existing = await db
      .selectFrom("job_runs")
      .select(["id", "status", sql<boolean>`lease_until < now()`.as("lapsed")])
      .where("job_id", "=", start.jobId)
      .where("status", "in", ["running", "succeeded"])
      .executeTakeFirst();
    if (!existing) continue;
    if (existing.status === "succeeded") return { kind: "done" };
    if (!existing.lapsed) return { kind: "busy" };
    await db
      .updateTable("job_runs")
      .set({ status: "abandoned", finished_at: sql<Date>`now()`, lease_until: null })
      .where("id", "=", existing.id)
      .where("status", "=", "running")
      .execute();
  }
  return { kind: "busy" };
}

/**
 * Starts runs of several jobs in one statement; a job whose run could not simply be started
 * (another delivery holds or finished it, or it is twice in the batch) goes through
 * `claimRun`. Resolves with one claim per start, in order.
 */
export async function claimRuns(db: Kysely<Database>, starts: RunStart[]): Promise<Claim[]> {
  const inserted = await db
    .insertInto("job_runs")
    .values(starts.map(runningRow))
    .onConflict((oc) =>
      oc.column("job_id").where("status", "in", ["running", "succeeded"]).doNothing(),
    )
    .returning(["id", "job_id"])
    .execute();
  const claimed = new Map(inserted.map((row) => [row.job_id, row.id]));
  return Promise.all(
    starts.map(async (start): Promise<Claim> => {
      const runId = claimed.get(start.jobId);
      if (runId === undefined) return claimRun(db, start);
      // Once: a second delivery of the same job in this batch finds the first one's run.
      claimed.delete(start.jobId);
      return { kind: "claimed", runId };
    }),
  );
}

function runningRow(start: RunStart) {
  return {
    job_id: start.jobId,
    type: start.type,
    attempt: start.attempt,
    status: "running",
    request_id: start.requestId ?? null,
    message_id: start.messageId ?? null,
    lease_until: sql<Date>`now() + make_interval(secs => ${start.leaseSeconds})`,
  };
}

export async function extendRun(
  db: Kysely<Database>,
  runId: number,
  leaseSeconds: number,
): Promise<void> {
  await db
    .updateTable("job_runs")
    .set({ lease_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where("id", "=", runId)
    .where("status", "=", "running")
    .execute();
}

export async function finishRun(
  db: Kysely<Database>,
  runId: number,
  outcome: Omit<RunOutcome, "runId">,
): Promise<void> {
  await finishRuns(db, [{ runId, ...outcome }]);
}

export interface RunOutcome {
  runId: number;
  status: RunStatus;
  error?: string;
  durationMs: number;
}

/** Records how several runs ended, in one statement. */
export async function finishRuns(db: Kysely<Database>, outcomes: RunOutcome[]): Promise<void> {
  const rows = outcomes.map(
    (o) =>
      sql`(${o.runId}::bigint, ${o.status}::text, ${o.error?.slice(0, 2_000) ?? null}::text, ${Math.round(o.durationMs)}::integer)`,
  );
  await sql`
    update job_runs
    set status = outcome.status, error = outcome.error, finished_at = now(),
      duration_ms = outcome.duration_ms, lease_until = null
    from (values ${sql.join(rows)}) as outcome (id, status, error, duration_ms)
    where job_runs.id = outcome.id`.execute(db);
}

/** A message that is not a job of the catalogue: recorded, then left to the dead-letter queue. */
export async function recordInvalid(
  db: Kysely<Database>,
  run: { jobId: number | undefined; type: string; attempt: number; error: string },
): Promise<void> {
  await db
    .insertInto("job_runs")
    .values({
      job_id: run.jobId ?? null,
      type: run.type.slice(0, 200),
      attempt: run.attempt,
      status: "invalid",
      error: run.error.slice(0, 2_000),
      finished_at: sql<Date>`now()`,
      duration_ms: 0,
    })
    .execute();
}

/**
 * The consumer's bookkeeping, batched: runs are claimed and finished, and messages deleted,
 * up to ten jobs a statement or request under load; idle, each goes alone at once.
 */
export function batchedBookkeeping(db: Kysely<Database>, queue: Queue, pollers: number) {
  return {
    claim: createBatcher((starts: RunStart[]) => claimRuns(db, starts), { max: 10 }),
    finish: createBatcher(
      async (outcomes: RunOutcome[]) => {
        await finishRuns(db, outcomes);
        return outcomes.map(() => undefined);
      },
      { max: 10 },
    ),
    acknowledge: createBatcher((receipts: string[]) => queue.acknowledgeBatch(receipts), {
      max: 10,
      parallel: pollers,
    }),
  };
}
