import { withConfiguredDatabase } from "../configured-database.ts";
import { migrateToLatest } from "../migrate.ts";

// `pnpm db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
const applied = await withConfiguredDatabase((db) => migrateToLatest(db), { migrate: false });
process.stdout.write(applied.length ? `Applied: ${applied.join(", ")}\n` : "Already up to date.\n");
