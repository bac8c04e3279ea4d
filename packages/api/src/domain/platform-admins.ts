import type { Database, Kysely } from "@tesseract/db";
import { AppError } from "../errors.ts";

/**
 * Makes the account with this email a platform administrator (idempotent). Operators run it
 * with `pnpm admin:grant <email>`; no procedure grants it, so no web request can.
 */
export async function grantPlatformAdmin(
  db: Kysely<Database>,
  email: string,
): Promise<{ id: string; email: string; alreadyAdmin: boolean }> {
  const normalized = email.trim().toLowerCase();
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "is_platform_admin"])
    .where("email", "=", normalized)
    .executeTakeFirst();
  if (!user) throw new AppError("NOT_FOUND", `No account has the email ${normalized}`);
  if (!user.is_platform_admin) {
    await db
      .updateTable("users")
      .set({ is_platform_admin: true, updated_at: new Date() })
      .where("id", "=", user.id)
      .execute();
  }
  return { id: user.id, email: user.email, alreadyAdmin: user.is_platform_admin };
}
