import { loadConfig, silentLogger } from "@tesseract/config";
import type { Kysely } from "kysely";
import { createDatabase } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";
import type { Database } from "./schema.generated.ts";

/**
 * For one-shot commands (`pnpm db:migrate`, `pnpm db:seed`, `pnpm admin:grant`): opens the
 * database the environment names (DATABASE_URL, or the embedded one under DATA_DIR), brings it
 * to the latest migration unless told not to, runs `work`, and closes it whatever happens.
 */
export async function withConfiguredDatabase<T>(
  work: (db: Kysely<Database>) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const handle = await createDatabase({
    url: config.database.url,
    dataDir: config.dataDir,
    logger: silentLogger,
  });
  try {
    if (options.migrate !== false) await migrateToLatest(handle.db);
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}
