import { expect, it } from "vitest";
import { migrateToLatest } from "./migrate.ts";
import { useDatabaseAt } from "./migration-fixture.ts";

const databaseBefore = useDatabaseAt("2026-11-24-0003-projects-tasks");

it("re-keys board positions to short keys, keeping every column's order", async () => {
  const db = await databaseBefore();

  const org = await db
    .insertInto("organizations")
    .values({ name: "Keys", slug: "keys" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const project = await db
    .insertInto("projects")
    .values({ org_id: org.id, key: "KEY", name: "Keys" })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Keys of the earlier scheme: single base-62 digits, long appended runs, and a tie (two
  // concurrent moves into one gap), across two columns.
  const old: [status: "todo" | "done", position: string][] = [
    ["todo", "V"],
    ["todo", "k"],
    ["todo", "z".repeat(199) + "V"],
    ["todo", "k"],
    ["todo", "8"],
    ["done", "U"],
    ["done", "U0V"],
  ];
  await db
    .insertInto("tasks")
    .values(
      old.map(([status, position], index) => ({
        org_id: org.id,
        project_id: project.id,
        number: index + 1,
        title: `Task ${index + 1}`,
        status,
        position,
      })),
    )
    .execute();
  const columnOrder = async () =>
    db
      .selectFrom("tasks")
      .select(["number", "status", "position"])
      .orderBy("status")
      .orderBy("position")
      .orderBy("id")
      .execute();
  const before = await columnOrder();

  expect(await migrateToLatest(db)).toContain("2026-11-29-0002-position-keys");

  const after = await columnOrder();
  expect(after.map((row) => [row.status, row.number])).toEqual(
    before.map((row) => [row.status, row.number]),
  );
  for (const row of after) expect(row.position).toMatch(/^a[0-9A-Za-z]{1,3}$/);
  expect(new Set(after.map((row) => `${row.status}:${row.position}`)).size).toBe(after.length);
});
