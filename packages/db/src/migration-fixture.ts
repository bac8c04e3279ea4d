import type { Kysely } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll } from "vitest";
import { migrations } from "../migrations/index.ts";
import type { Database } from "./schema.generated.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

/**
 * For a test of one migration against data shaped as before it: call at the top of the file;
 * the function it returns creates a scratch database migrated up to `migration` (inclusive) and
 * no further. The databases are dropped after the file's tests.
 */
export function useDatabaseAt(migration: string): () => Promise<Kysely<Database>> {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });
  return async () => {
    const database = await createTestDatabase({ migrated: false });
    databases.push(database);
    const migrator = new Migrator({
      db: database.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    const { error } = await migrator.migrateTo(migration);
    if (error) throw new Error(`migrating to ${migration} failed`, { cause: error });
    return database.db;
  };
}
