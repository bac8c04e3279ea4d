import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { silentLogger } from "@tesseract/config";
import { generateSchemaTypes } from "../codegen.ts";
import { createDatabase } from "../database.ts";
import { migrateToLatest } from "../migrate.ts";

// `pnpm db:types`: migrates a throwaway in-memory database and writes the Database types.
const handle = await createDatabase({ url: undefined, logger: silentLogger });
try {
  await migrateToLatest(handle.db);
  const target = fileURLToPath(new URL("../schema.generated.ts", import.meta.url));
  writeFileSync(target, await generateSchemaTypes(handle.db));
  process.stdout.write(`Wrote ${target}\n`);
} finally {
  await handle.close();
}
