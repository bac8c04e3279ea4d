import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  type TestServices,
} from "../testing.ts";
import { seedDemo } from "./demo.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(async () => {
  await services.close();
});

describe("demo data", () => {
  it("seeds members, projects, tasks and comments once, with sound numbers and positions", async () => {
    const first = await seedDemo(services.db, { tasks: 400 });
    expect(first).toMatchObject({ created: true, tasks: 400 });
    expect(first.comments).toBeGreaterThan(100);
    expect(await seedDemo(services.db, { tasks: 400 })).toMatchObject({
      orgId: first.orgId,
      created: false,
    });

    const { db } = services;
    const tasks = await db
      .selectFrom("tasks")
      .select(["project_id", "number", "status_id", "position"])
      .where("org_id", "=", first.orgId)
      .execute();
    expect(tasks).toHaveLength(400);
    const projects = await db
      .selectFrom("projects")
      .select(["id", "next_task_number"])
      .where("org_id", "=", first.orgId)
      .execute();
    for (const project of projects) {
      const numbers = tasks
        .filter((t) => t.project_id === project.id)
        .map((t) => t.number)
        .sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(project.next_task_number).toBe(numbers.length + 1);
    }
    const subtasks = await db
      .selectFrom("tasks")
      .select("id")
      .where("org_id", "=", first.orgId)
      .where("parent_id", "is not", null)
      .execute();
    expect(subtasks.length).toBeGreaterThan(50);
    const relations = await db
      .selectFrom("task_relations")
      .select("kind")
      .where("org_id", "=", first.orgId)
      .execute();
    expect(new Set(relations.map((r) => r.kind))).toEqual(
      new Set(["blocks", "relates", "duplicates"]),
    );
    // A handful of coloured labels, each on some tasks, every task carrying one or two.
    const labels = await db
      .selectFrom("labels")
      .select(["id", "colour"])
      .select((eb) =>
        eb
          .selectFrom("task_labels")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("task_labels.label_id", "=", "labels.id")
          .as("tasks"),
      )
      .where("org_id", "=", first.orgId)
      .execute();
    expect(labels.length).toBeGreaterThanOrEqual(5);
    expect(new Set(labels.map((l) => l.colour)).size).toBe(labels.length);
    for (const label of labels) expect(Number(label.tasks)).toBeGreaterThan(0);
    const links = await db
      .selectFrom("task_labels")
      .select("task_id")
      .where("org_id", "=", first.orgId)
      .execute();
    expect(new Set(links.map((l) => l.task_id)).size).toBe(400);
    // Positions are unique within a board column (a status).
    const positions = tasks.map((t) => `${t.status_id}:${t.position}`);
    expect(new Set(positions).size).toBe(positions.length);
    // One project has a workflow of its own, with tasks in its added status.
    const review = await db
      .selectFrom("project_statuses")
      .select("id")
      .where("org_id", "=", first.orgId)
      .where("name", "=", "In Review")
      .executeTakeFirstOrThrow();
    expect(tasks.filter((t) => t.status_id === review.id).length).toBeGreaterThan(0);
    const roles = await db
      .selectFrom("memberships")
      .select("role")
      .where("org_id", "=", first.orgId)
      .execute();
    expect(new Set(roles.map((r) => r.role))).toEqual(
      new Set(["owner", "admin", "member", "viewer"]),
    );
  });

  it("is offered to a signed-in person where config allows it, who becomes an owner", async () => {
    const user = await insertTestUser(services, "Trying it out");
    const { orgId } = await createTestCaller(services, {
      headers: { cookie: user.cookie },
    }).dev.seedDemo();
    const caller = createTestCaller(services, { headers: { cookie: user.cookie } });
    expect((await caller.org.get({ orgId })).role).toBe("owner");
    expect((await caller.task.list({ orgId, limit: 5 })).items).toHaveLength(5);
    // The first project has views shared with everyone, readable through the API's own schema.
    const eng = (await caller.project.list({ orgId })).find((p) => p.key === "ENG")!;
    const views = await caller.view.list({ orgId, projectId: eng.id });
    expect(views.map((v) => v.name)).toEqual(
      expect.arrayContaining(["Urgent and high", "Open bugs", "Unassigned backlog", "Due soonest"]),
    );
    expect(views.every((v) => v.shared)).toBe(true);
    const bugs = views.find((v) => v.name === "Open bugs")!;
    const bugTasks = await caller.task.list({
      orgId,
      projectId: eng.id,
      labelId: bugs.filters.label,
      limit: 5,
    });
    expect(bugTasks.items.length).toBeGreaterThan(0);
    expect((await caller.system.info()).demoData).toBe(true);
    // Production on real services: parseConfig says no (config.test.ts), and the procedure obeys.
    const realServices = { ...services, config: { ...services.config, demoData: false } };
    const refused = createTestCaller(realServices, { headers: { cookie: user.cookie } });
    await expect(refused.dev.seedDemo()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await refused.system.info()).demoData).toBe(false);
  });
});
