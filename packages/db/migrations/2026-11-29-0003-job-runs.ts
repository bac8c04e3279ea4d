import { sql, type Kysely } from "kysely";

// One row per attempt at a job: the worker's record of what ran, when, for how long and how
// it ended. A running row holds a lease (renewed with the message's visibility) so that a
// duplicate delivery of the same job waits instead of running beside it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("request_id", "text").execute();

  await db.schema
    .createTable("job_runs")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    // The outbox id; null for a message that could not be read at all.
    .addColumn("job_id", "bigint")
    .addColumn("type", "text", (col) => col.notNull())
    .addColumn("attempt", "integer", (col) => col.notNull())
    .addColumn("status", "text", (col) =>
      col
        .notNull()
        .check(
          sql`status in ('running', 'succeeded', 'failed', 'released', 'abandoned', 'invalid')`,
        ),
    )
    .addColumn("request_id", "text")
    .addColumn("message_id", "text")
    .addColumn("error", "text")
    .addColumn("started_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("lease_until", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .addColumn("duration_ms", "integer")
    .execute();

  // At most one live or finished run per job: the claim a duplicate delivery runs into.
  await db.schema
    .createIndex("job_runs_claim_idx")
    .on("job_runs")
    .column("job_id")
    .unique()
    .where(sql.ref("status"), "in", sql`('running', 'succeeded')`)
    .execute();
  await db.schema.createIndex("job_runs_job_idx").on("job_runs").column("job_id").execute();
  await db.schema
    .createIndex("job_runs_started_idx")
    .on("job_runs")
    .column("started_at desc")
    .execute();
}
