import type { Database, Kysely } from "@tesseract/db";

/** A person's own profile, as their account page and their data export show it. */
export function selectProfile(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("users")
    .select([
      "id",
      "email",
      "name",
      "email_verified_at as emailVerifiedAt",
      "created_at as createdAt",
    ])
    .where("id", "=", userId);
}
