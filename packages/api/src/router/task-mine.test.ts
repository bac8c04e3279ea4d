import { describe, expect, it } from "vitest";
import { insertTestUser, type TestUser } from "../testing.ts";
import { as, services, outcome } from "./router-fixture.ts";
import { freshProject, orgId, owner, projectId, useProductOrg } from "./product-fixture.ts";

useProductOrg();

async function member(name: string): Promise<TestUser> {
  const user = await insertTestUser(services, name);
  await services.db
    .insertInto("memberships")
    .values({ org_id: orgId, user_id: user.id, role: "member" })
    .execute();
  return user;
}

const titles = (page: { items: { title: string }[] }) => page.items.map((t) => t.title).sort();

describe("task.mine", () => {
  it("lists tasks assigned to, created by and followed by the caller, across projects", async () => {
    const ada = await member("Ada Mine");
    const other = await freshProject("MINE");
    await as(owner).task.create({ orgId, projectId, title: "Ada ENG", assigneeId: ada.id });
    await as(owner).task.create({ orgId, projectId: other, title: "Ada MINE", assigneeId: ada.id });
    await as(owner).task.create({ orgId, projectId, title: "Not Ada's" });
    const created = await as(ada).task.create({ orgId, projectId: other, title: "By Ada" });
    const watched = await as(owner).task.create({ orgId, projectId, title: "Watched by Ada" });
    await as(ada).watch.watch({ orgId, taskId: watched.id });

    const assigned = await as(ada).task.mine({ orgId, relation: "assigned" });
    expect(titles(assigned)).toEqual(["Ada ENG", "Ada MINE"]);
    expect(new Set(assigned.items.map((t) => t.projectId))).toEqual(new Set([projectId, other]));
    expect(titles(await as(ada).task.mine({ orgId, relation: "created" }))).toEqual(["By Ada"]);
    expect(titles(await as(ada).task.mine({ orgId, relation: "subscribed" }))).toEqual([
      "Ada ENG",
      "Ada MINE",
      "By Ada",
      "Watched by Ada",
    ]);

    // Choosing to stop watching takes a task off "Subscribed", not off "Created by me".
    await as(ada).watch.unwatch({ orgId, taskId: created.id });
    await as(ada).watch.unwatch({ orgId, taskId: watched.id });
    expect(titles(await as(ada).task.mine({ orgId, relation: "subscribed" }))).toEqual([
      "Ada ENG",
      "Ada MINE",
    ]);
    expect(titles(await as(ada).task.mine({ orgId, relation: "created" }))).toEqual(["By Ada"]);
  });

  it("applies the list's filters and sort, and pages with a cursor", async () => {
    const bo = await member("Bo Mine");
    for (const [title, priority, status] of [
      ["Bo low", "low", "todo"],
      ["Bo high", "high", "todo"],
      ["Bo urgent", "urgent", "in_progress"],
      ["Bo done", "urgent", "done"],
    ] as const)
      await as(owner).task.create({ orgId, projectId, title, priority, status, assigneeId: bo.id });

    const open = await as(bo).task.mine({
      orgId,
      relation: "assigned",
      status: ["todo", "in_progress"],
      sort: "priority",
      order: "desc",
    });
    expect(open.items.map((t) => t.title)).toEqual(["Bo urgent", "Bo high", "Bo low"]);

    const first = await as(bo).task.mine({ orgId, relation: "assigned", limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await as(bo).task.mine({
      orgId,
      relation: "assigned",
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((t) => t.id)).size).toBe(4);
  });

  it("never reaches another organization's tasks, and refuses bad input with a 4xx", async () => {
    const cy = await member("Cy Mine");
    await as(owner).task.create({ orgId, projectId, title: "Cy here", assigneeId: cy.id });
    // Cy owns another organization with a task assigned to Cy: it never shows up here.
    const elsewhere = (await as(cy).org.create({ name: "Cy's own" })).id;
    const project = await as(cy).project.create({ orgId: elsewhere, name: "Own", key: "OWN" });
    await as(cy).task.create({
      orgId: elsewhere,
      projectId: project.id,
      title: "Cy elsewhere",
      assigneeId: cy.id,
    });
    expect(titles(await as(cy).task.mine({ orgId, relation: "assigned" }))).toEqual(["Cy here"]);
    expect(titles(await as(cy).task.mine({ orgId: elsewhere, relation: "assigned" }))).toEqual([
      "Cy elsewhere",
    ]);

    const stranger = await insertTestUser(services, "Stranger");
    expect(await outcome(as(stranger).task.mine({ orgId, relation: "assigned" }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(as(cy).task.mine({ orgId, relation: "nope" as "assigned" }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await outcome(as(cy).task.mine({ orgId, relation: "assigned", cursor: "not a cursor" })),
    ).toBe("BAD_REQUEST");
  });
});
