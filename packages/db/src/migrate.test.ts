import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "../migrations/index.ts";
import { generateSchemaTypes } from "./codegen.ts";
import { migrateToLatest } from "./migrate.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

const cleanup: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(cleanup.map((db) => db.drop()));
});

describe("migrations", () => {
  it("lists every file in the migrations folder, in order", () => {
    const dir = fileURLToPath(new URL("../migrations/", import.meta.url));
    const files = readdirSync(dir)
      .filter((f) => f !== "index.ts")
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });

  it("migrate an empty database to the latest schema, and are idempotent", async () => {
    const database = await createTestDatabase({ migrated: false });
    cleanup.push(database);
    const applied = await migrateToLatest(database.db);
    expect(applied).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(database.db)).toEqual([]);
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by 1`.execute(
      database.db,
    );
    expect(rows.map((r) => r.table_name)).toContain("outbox");
  });

  it("keep the Database types in step with the schema (run `pnpm db:types` when this fails)", async () => {
    const database = await createTestDatabase();
    cleanup.push(database);
    const committed = readFileSync(
      fileURLToPath(new URL("./schema.generated.ts", import.meta.url)),
      "utf8",
    );
    expect(await generateSchemaTypes(database.db)).toBe(committed);
  });

  it("parse bigint columns as numbers on PostgreSQL", async () => {
    const database = await createTestDatabase();
    cleanup.push(database);
    const inserted = await database.db
      .insertInto("outbox")
      .values({ type: "test.ping", payload: { at: 1 } })
      .returning(["id", "attempts", "created_at"])
      .executeTakeFirstOrThrow();
    expect(typeof inserted.id).toBe("number");
    expect(inserted.created_at).toBeInstanceOf(Date);
    const { count } = await database.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    expect(count).toBe(1);
  });
});
