import { sql, type Kysely } from "kysely";

// Migrations are frozen in time: they use Kysely<any> and import nothing from the app.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The transactional outbox: a job row is written in the same transaction as the change
  // that causes it, then relayed to SQS, so committed work never loses its job.
  await db.schema
    .createTable("outbox")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("type", "text", (col) => col.notNull())
    .addColumn("payload", "jsonb", (col) => col.notNull())
    .addColumn("dedupe_key", "text", (col) => col.unique())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("available_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("sent_at", "timestamptz")
    .execute();

  await db.schema
    .createIndex("outbox_pending_idx")
    .on("outbox")
    .column("available_at")
    .where(sql.ref("sent_at"), "is", null)
    .execute();
}
