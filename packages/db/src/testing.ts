import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadTestConfig, silentLogger } from "@tesseract/config";
import pg from "pg";
import { createDatabase, type DatabaseHandle } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";

const migrationsDir = fileURLToPath(new URL("../migrations/", import.meta.url));
const TEMPLATE_LOCK = 741_852_963;

export {
  startScratchPostgres,
  startScratchReplica,
  type ScratchPostgres,
} from "./scratch-postgres.ts";

export interface TestDatabase extends DatabaseHandle {
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file, on the real PostgreSQL server: cloned from a
 * template migrated once per migration set (keyed by a hash of the migration files), so a
 * new database costs one CREATE DATABASE instead of a migration run.
 */
export async function createTestDatabase(
  options: { migrated?: boolean; adminDatabaseUrl?: string } = {},
): Promise<TestDatabase> {
  const adminDatabaseUrl = options.adminDatabaseUrl ?? loadTestConfig().adminDatabaseUrl;
  const name = `tesseract_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    if (options.migrated === false) {
      await admin.query(`create database ${name}`);
    } else {
      const template = await ensureTemplate(admin, adminDatabaseUrl);
      await admin.query(`create database ${name} template ${template}`);
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminDatabaseUrl, name);
  const handle = await createDatabase({ url, poolMax: 5, logger: silentLogger });
  return {
    ...handle,
    url,
    name,
    async drop() {
      await handle.close();
      await dropDatabase(adminDatabaseUrl, name);
    },
  };
}

export async function dropDatabase(adminDatabaseUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

async function ensureTemplate(admin: pg.Client, adminDatabaseUrl: string): Promise<string> {
  const template = `tesseract_tpl_${migrationsHash()}`;
  // Test files start in parallel (and several packages test at once): one builds the
  // template while the others wait on the lock, then all clone it.
  await admin.query("select pg_advisory_lock($1)", [TEMPLATE_LOCK]);
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_build`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const handle = await createDatabase({
        url: withDatabase(adminDatabaseUrl, building),
        poolMax: 1,
        logger: silentLogger,
      });
      try {
        await migrateToLatest(handle.db);
      } finally {
        await handle.close();
      }
      await admin.query(`alter database ${building} rename to ${template}`);
    }
  } finally {
    await admin.query("select pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
  }
  return template;
}

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(migrationsDir).sort()) {
    hash.update(file).update(readFileSync(migrationsDir + file));
  }
  return hash.digest("hex").slice(0, 12);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
