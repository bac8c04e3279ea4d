import { sql } from "kysely";
import { expect, it } from "vitest";
import { migrateToLatest } from "./migrate.ts";
import { useDatabaseAt } from "./migration-fixture.ts";

const databaseBefore = useDatabaseAt("2026-11-30-0001-task-hierarchy");

it("turns free-text task labels into one label per name and organization, linked to the tasks", async () => {
  const db = await databaseBefore();

  // The tables as they were before: tasks carried a text[] of label names.
  const orgs = await db
    .insertInto("organizations")
    .values([
      { name: "One", slug: "one" },
      { name: "Two", slug: "two" },
    ])
    .returning("id")
    .execute();
  const tasks: [org: number, labels: string[]][] = [
    [0, ["bug", "ui"]],
    [0, ["Bug", "backend"]], // the same label as "bug", spelled otherwise
    [0, []],
    [1, ["bug"]], // another organization's "bug" is its own label
  ];
  for (const [index, [org, labels]] of tasks.entries()) {
    const orgId = orgs[org]!.id;
    const project = await db
      .insertInto("projects")
      .values({ org_id: orgId, key: `P${index}`, name: `P${index}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    await sql`insert into tasks (org_id, project_id, number, title, position, labels, created_at)
      values (${orgId}, ${project.id}, 1, ${`Task ${index}`}, 'a0', ${labels}::text[],
        now() + make_interval(secs => ${index}))`.execute(db);
  }

  expect(await migrateToLatest(db)).toContain("2026-11-30-0002-labels");

  const labels = await db
    .selectFrom("labels")
    .innerJoin("organizations as o", "o.id", "labels.org_id")
    .select(["o.slug", "labels.name", "labels.colour"])
    .orderBy("o.slug")
    .orderBy("labels.name")
    .execute();
  expect(labels.map((l) => [l.slug, l.name])).toEqual([
    ["one", "backend"],
    ["one", "bug"],
    ["one", "ui"],
    ["two", "bug"],
  ]);
  // Colours come from the palette, in turn within an organization.
  expect(new Set(labels.filter((l) => l.slug === "one").map((l) => l.colour)).size).toBe(3);
  const links = await db
    .selectFrom("task_labels as tl")
    .innerJoin("tasks as t", "t.id", "tl.task_id")
    .innerJoin("labels as l", "l.id", "tl.label_id")
    .select(["t.title", "l.name", sql<boolean>`l.org_id = t.org_id`.as("sameOrg")])
    .orderBy("t.title")
    .orderBy("l.name")
    .execute();
  expect(links.map((l) => [l.title, l.name, l.sameOrg])).toEqual([
    ["Task 0", "bug", true],
    ["Task 0", "ui", true],
    ["Task 1", "backend", true],
    ["Task 1", "bug", true],
    ["Task 3", "bug", true],
  ]);
  const columns = await sql<{
    column_name: string;
  }>`select column_name from information_schema.columns
    where table_name = 'tasks' and column_name = 'labels'`.execute(db);
  expect(columns.rows).toEqual([]);
});
