import { sql, type Kysely } from "kysely";

// Idempotency records: the first result of a create-type mutation sent with an
// `Idempotency-Key`, kept 24 hours so a retry gets it back instead of doing the work again.
// Written in the same transaction as the work (a rolled-back call leaves none), and in
// PostgreSQL rather than Redis: a Redis that loses state would let a retry run twice.
// The key is stored as its SHA-256 and the result encrypted with a key derived from it, so
// the table alone reveals neither (some results carry a secret shown once: a new API token).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("user_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("procedure", "text", (col) => col.notNull())
    .addColumn("key_hash", "text", (col) => col.notNull())
    // SHA-256 of the parsed input: the same key with another input is refused.
    .addColumn("request_hash", "text", (col) => col.notNull())
    // AES-256-GCM of the superjson-serialized result (iv ‖ tag ‖ ciphertext).
    .addColumn("response", "bytea", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pkey", ["user_id", "procedure", "key_hash"])
    .execute();

  await db.schema
    .createIndex("idempotency_keys_expires_idx")
    .on("idempotency_keys")
    .column("expires_at")
    .execute();
}
