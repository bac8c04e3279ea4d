import { withConfiguredDatabase } from "@tesseract/db";
import { grantPlatformAdmin } from "../domain/platform-admins.ts";
import { AppError } from "../errors.ts";

// `pnpm admin:grant <email>`: makes an existing account a platform administrator, on
// DATABASE_URL (or the embedded database). Idempotent.
const email = process.argv[2];
if (!email || process.argv.length > 3) {
  process.stderr.write("Usage: pnpm admin:grant <email>\n");
  process.exit(2);
}
try {
  const result = await withConfiguredDatabase((db) => grantPlatformAdmin(db, email));
  process.stdout.write(
    result.alreadyAdmin
      ? `${result.email} is already a platform administrator.\n`
      : `${result.email} is now a platform administrator.\n`,
  );
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
