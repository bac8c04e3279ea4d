import { loadConfig, silentLogger } from "@tesseract/config";
import { createDatabase, migrateToLatest } from "@tesseract/db";
import { DEMO_PASSWORD, seedDemo } from "../seed/demo.ts";

// `pnpm db:seed`: the demo organization on DATABASE_URL (or the embedded database). Idempotent.
const config = loadConfig();
const handle = await createDatabase({
  url: config.database.url,
  dataDir: config.dataDir,
  logger: silentLogger,
});
try {
  await migrateToLatest(handle.db);
  const result = await seedDemo(handle.db);
  process.stdout.write(
    result.created
      ? `Seeded "Demo Company": ${result.tasks} tasks, ${result.comments} comments. Sign in as ada@demo.tesseract.dev / ${DEMO_PASSWORD}\n`
      : "The demo organization already exists; nothing to do.\n",
  );
} finally {
  await handle.close();
}
