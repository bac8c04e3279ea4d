import { sql } from "@tesseract/db";
import { createTestDatabase, type TestDatabase } from "@tesseract/db/testing";
import { generateKeyBetween } from "fractional-indexing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { positionBetween } from "./position.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

/** task_position_after (migration 2026-11-30-0007, create_task's) over each key, in one statement. */
async function appendedAfter(keys: (string | null)[]): Promise<string[]> {
  const { rows } = await sql<{
    after: string;
  }>`select task_position_after(k.key collate "C") as after
    from unnest(${keys}::text[]) with ordinality as k(key, n) order by k.n`.execute(database.db);
  return rows.map((row) => row.after);
}

const LARGEST = `z${"z".repeat(26)}`;

describe("task_position_after (SQL)", () => {
  it("appends as the library does, over a long column and across every head change", async () => {
    const keys: (string | null)[] = [null];
    for (let i = 0; i < 5_000; i++) keys.push(positionBetween(keys.at(-1) ?? null, null));
    const expected = keys.slice(1);
    expect(await appendedAfter(keys.slice(0, -1))).toEqual(expected);
  });

  it("agrees with the library on the edges: carries, negative heads, fractions", async () => {
    const keys = [
      "a0",
      "az",
      "bzz",
      "b0z",
      "bz0",
      "czzz",
      "Zz",
      "Z0",
      "Yzz",
      "Y0z",
      `A${"z".repeat(26)}`,
      `A${"0".repeat(25)}1`,
      "a0V",
      "azV",
      "a5zzz",
      "Zz1",
      "Yzzl",
      `y${"z".repeat(25)}`,
      `z${"z".repeat(25)}y`,
    ];
    const expected = keys.map((key) => generateKeyBetween(key, null));
    expect(await appendedAfter(keys)).toEqual(expected);
  });

  it("agrees with the library after random moves (keys with fractions, keys before the first)", async () => {
    const keys: string[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 1_000; i++) {
      const index = Math.floor(random() * (keys.length + 1));
      keys.splice(index, 0, positionBetween(keys[index - 1] ?? null, keys[index] ?? null));
    }
    const expected = keys.map((key) => generateKeyBetween(key, null));
    expect(await appendedAfter(keys)).toEqual(expected);
  });

  it("still finds a valid later key after the largest integer, which appends never reach", async () => {
    const [after] = await appendedAfter([LARGEST]);
    expect(after! > LARGEST).toBe(true);
    // A valid key: the library takes it as a neighbour.
    expect(generateKeyBetween(LARGEST, after) > LARGEST).toBe(true);
  });
});
