import type { Kysely } from "kysely";

// Platform administrators: operators of this Tesseract installation, above every organization.
// Granted only by `pnpm admin:grant <email>` (and, in the embedded mode, to the first account).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("is_platform_admin", "boolean", (col) => col.notNull().defaultTo(false))
    .execute();
}
