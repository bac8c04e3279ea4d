import { loadConfig, silentLogger } from "@tesseract/config";
import { createDatabase } from "../database.ts";
import { migrateToLatest } from "../migrate.ts";

// `pnpm db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
const config = loadConfig();
const handle = await createDatabase({
  url: config.database.url,
  dataDir: config.dataDir,
  logger: silentLogger,
});
try {
  const applied = await migrateToLatest(handle.db);
  process.stdout.write(
    applied.length ? `Applied: ${applied.join(", ")}\n` : "Already up to date.\n",
  );
} finally {
  await handle.close();
}
