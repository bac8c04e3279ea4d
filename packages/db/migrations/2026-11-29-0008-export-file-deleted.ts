import { sql, type Kysely } from "kysely";

// An export's file is deleted from S3 once the export has expired; the row stays (the list
// shows it as expired) and records when its file went. The partial index serves the sweep:
// expired exports whose file is still stored.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("exports").addColumn("file_deleted_at", "timestamptz").execute();
  await db.schema
    .createIndex("exports_stored_expiry_idx")
    .on("exports")
    .column("expires_at")
    .where(sql.ref("s3_key"), "is not", null)
    .execute();
}
