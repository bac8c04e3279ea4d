import { createTestDatabase, type TestDatabase } from "@tesseract/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compiledOnce } from "./compiled-query.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insertInto("users")
    .values([
      { email: "ada@example.com", name: "Ada", password_hash: "x" },
      { email: "grace@example.com", name: "Grace", password_hash: "x" },
    ])
    .execute();
});
afterAll(async () => {
  await database.drop();
});

describe("compiledOnce", () => {
  it("binds each call's values to the statement compiled on the first", async () => {
    const byEmail = compiledOnce((db, email: string) =>
      db.selectFrom("users").select("name").where("email", "=", email).limit(1),
    );
    expect(await byEmail(database.db, "ada@example.com")).toEqual([{ name: "Ada" }]);
    expect(await byEmail(database.db, "grace@example.com")).toEqual([{ name: "Grace" }]);
    expect(await byEmail(database.db, "nobody@example.com")).toEqual([]);
    // In a transaction too.
    await database.db.transaction().execute(async (trx) => {
      expect(await byEmail(trx, "ada@example.com")).toEqual([{ name: "Ada" }]);
    });
  });

  it("refuses an argument that shapes the query instead of being a value", async () => {
    const shaped = compiledOnce((db, column: string) =>
      db.selectFrom("users").select(column as "name"),
    );
    await expect(shaped(database.db, "name")).rejects.toThrow(/every argument must be a parameter/);
  });
});
