import { sql, type Database, type Kysely } from "@tesseract/db";

export const JOB_STATES = ["pending", "queued", "running", "succeeded", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobRunView {
  id: number;
  attempt: number;
  status: string;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
}

export interface JobView {
  id: number;
  type: string;
  /** pending: not yet relayed; queued: sent, not run; then the latest run's outcome. */
  state: JobState;
  requestId: string | null;
  /** The trace of the request that enqueued it (when tracing was on): its waterfall on /dev. */
  traceId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  runs: JobRunView[];
}

export interface JobPage {
  jobs: JobView[];
  /** Pass back as `cursor` for the next (older) page; null on the last one. */
  nextCursor: number | null;
}

/**
 * The job's state from its outbox row and its latest run. A released or abandoned run was
 * handed back (the job will run again): queued. Failed and unreadable (invalid) runs: failed.
 */
const stateSql = sql<JobState>`case
  when o.sent_at is null then 'pending'
  else coalesce(
    (select case r.status
       when 'succeeded' then 'succeeded'
       when 'running' then 'running'
       when 'failed' then 'failed'
       when 'invalid' then 'failed'
       else 'queued' end
     from job_runs r where r.job_id = o.id order by r.id desc limit 1),
    'queued')
end`;

/**
 * Recent jobs, newest first, with every run of each (newest first). Payloads are left out:
 * they can hold what only their recipient may see (a password-reset link in an email).
 */
export async function listJobs(
  db: Kysely<Database>,
  filter: { state?: JobState; type?: string; cursor?: number; limit: number },
): Promise<JobPage> {
  let query = db
    .selectFrom("outbox as o")
    .select([
      "o.id",
      "o.type",
      "o.request_id as requestId",
      "o.traceparent",
      "o.created_at as createdAt",
      "o.sent_at as sentAt",
      stateSql.as("state"),
    ])
    .orderBy("o.id", "desc")
    .limit(filter.limit + 1);
  if (filter.cursor !== undefined) query = query.where("o.id", "<", filter.cursor);
  if (filter.type) query = query.where("o.type", "=", filter.type);
  if (filter.state) query = query.where(stateSql, "=", filter.state);
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const runs =
    page.length === 0
      ? []
      : await db
          .selectFrom("job_runs")
          .select([
            "id",
            "job_id",
            "attempt",
            "status",
            "error",
            "started_at as startedAt",
            "finished_at as finishedAt",
            "duration_ms as durationMs",
          ])
          .where(
            "job_id",
            "in",
            page.map((job) => job.id),
          )
          .orderBy("id", "desc")
          .execute();
  const byJob = Map.groupBy(runs, (run) => run.job_id);
  return {
    jobs: page.map(({ traceparent, ...job }) => ({
      ...job,
      // A W3C traceparent is version-traceid-spanid-flags.
      traceId: traceparent?.split("-")[1] ?? null,
      runs: (byJob.get(job.id) ?? []).map(({ job_id: _, ...run }) => run),
    })),
    nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id : null,
  };
}
