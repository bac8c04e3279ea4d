import { expect, it } from "vitest";
import { migrateToLatest } from "./migrate.ts";
import { useDatabaseAt } from "./migration-fixture.ts";

const databaseBefore = useDatabaseAt("2026-11-30-0001-task-hierarchy");

it("gives every project the default statuses and points each task at its own", async () => {
  const db = await databaseBefore();

  const org = await db
    .insertInto("organizations")
    .values({ name: "Flows", slug: "flows" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const projects = await db
    .insertInto("projects")
    .values([
      { org_id: org.id, key: "ONE", name: "One" },
      { org_id: org.id, key: "TWO", name: "Two" },
    ])
    .returning(["id", "key"])
    .execute();
  const statuses = ["backlog", "todo", "in_progress", "done", "canceled"] as const;
  await db
    .insertInto("tasks")
    .values(
      projects.flatMap((project, p) =>
        statuses.map((status, index) => ({
          org_id: org.id,
          project_id: project.id,
          number: index + 1,
          title: `${project.key} ${status}`,
          status,
          position: `a${p}${index}`,
        })),
      ),
    )
    .execute();

  await migrateToLatest(db);

  const rows = await db
    .selectFrom("tasks as t")
    .innerJoin("project_statuses as s", "s.id", "t.status_id")
    .select(["t.project_id", "s.project_id as statusProject", "t.status", "s.name", "s.category"])
    .execute();
  expect(rows).toHaveLength(10);
  const names = {
    backlog: "Backlog",
    todo: "Todo",
    in_progress: "In Progress",
    done: "Done",
    canceled: "Canceled",
  };
  const categories = {
    backlog: "backlog",
    todo: "unstarted",
    in_progress: "started",
    done: "completed",
    canceled: "canceled",
  };
  for (const row of rows) {
    expect(row.statusProject).toBe(row.project_id);
    expect(row.name).toBe(names[row.status as keyof typeof names]);
    expect(row.category).toBe(categories[row.status as keyof typeof categories]);
  }

  // A project made afterwards gets the defaults; a task written the legacy way gets a status.
  const three = await db
    .insertInto("projects")
    .values({ org_id: org.id, key: "THREE", name: "Three" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const count = await db
    .selectFrom("project_statuses")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("project_id", "=", three.id)
    .executeTakeFirstOrThrow();
  expect(Number(count.n)).toBe(5);
  const task = await db
    .insertInto("tasks")
    .values({
      org_id: org.id,
      project_id: three.id,
      number: 1,
      title: "Legacy",
      status: "in_progress",
      position: "a0",
    })
    .returning("status_id")
    .executeTakeFirstOrThrow();
  const status = await db
    .selectFrom("project_statuses")
    .select(["name"])
    .where("id", "=", task.status_id)
    .executeTakeFirstOrThrow();
  expect(status.name).toBe("In Progress");
});
