import type { Kysely } from "kysely";

// The W3C trace context of the request that enqueued a job: the relay puts it in the message,
// and the worker continues that trace, so one trace shows a request and the jobs it caused.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("traceparent", "text").execute();
}
