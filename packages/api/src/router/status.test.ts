import { describe, expect, it } from "vitest";
import { recordPublished } from "../live/published-fixture.ts";
import { insertTestUser } from "../testing.ts";
import { freshProject, orgId, owner, useProductOrg } from "./product-fixture.ts";
import { as, services, outcome } from "./router-fixture.ts";

useProductOrg();

const statuses = (projectId: string) => as(owner).status.list({ orgId, projectId });
const named = async (projectId: string, name: string) => {
  const status = (await statuses(projectId)).find((s) => s.name === name);
  if (!status) throw new Error(`no status ${name}`);
  return status;
};

describe("a project's workflow", () => {
  it("starts with the five default statuses, one per category, in board order", async () => {
    const projectId = await freshProject("WFA");
    const list = await statuses(projectId);
    expect(list.map((s) => [s.name, s.category, s.taskCount])).toEqual([
      ["Backlog", "backlog", 0],
      ["Todo", "unstarted", 0],
      ["In Progress", "started", 0],
      ["Done", "completed", 0],
      ["Canceled", "canceled", 0],
    ]);
  });

  it("adds, renames and reorders statuses within a category", async () => {
    const projectId = await freshProject("WFB");
    const progress = await named(projectId, "In Progress");
    const review = await as(owner).status.create({
      orgId,
      projectId,
      name: "In Review",
      category: "started",
    });
    expect(review).toMatchObject({ name: "In Review", category: "started", taskCount: 0 });
    // Before In Progress, then back after it.
    await as(owner).status.update({ orgId, statusId: review.id, beforeId: progress.id });
    expect((await statuses(projectId)).map((s) => s.name)).toEqual([
      "Backlog",
      "Todo",
      "In Review",
      "In Progress",
      "Done",
      "Canceled",
    ]);
    await as(owner).status.update({ orgId, statusId: review.id, afterId: progress.id });
    const renamed = await as(owner).status.update({ orgId, statusId: progress.id, name: "Doing" });
    expect(renamed.name).toBe("Doing");
    expect((await statuses(projectId)).map((s) => s.name)).toEqual([
      "Backlog",
      "Todo",
      "Doing",
      "In Review",
      "Done",
      "Canceled",
    ]);
    // A neighbour of another category cannot place it.
    const done = await named(projectId, "Done");
    expect(
      await outcome(as(owner).status.update({ orgId, statusId: review.id, afterId: done.id })),
    ).toBe("BAD_REQUEST");
  });

  it("refuses a name the project already has, in any case", async () => {
    const projectId = await freshProject("WFC");
    expect(
      await outcome(
        as(owner).status.create({ orgId, projectId, name: "done", category: "completed" }),
      ),
    ).toBe("CONFLICT");
    const todo = await named(projectId, "Todo");
    expect(
      await outcome(as(owner).status.update({ orgId, statusId: todo.id, name: "BACKLOG" })),
    ).toBe("CONFLICT");
    // Its own name in another case is a rename.
    expect((await as(owner).status.update({ orgId, statusId: todo.id, name: "TODO" })).name).toBe(
      "TODO",
    );
  });

  it("puts tasks in statuses by id or by category, with the name on every task answer", async () => {
    const projectId = await freshProject("WFD");
    const review = await as(owner).status.create({
      orgId,
      projectId,
      name: "In Review",
      category: "started",
    });
    const byId = await as(owner).task.create({
      orgId,
      projectId,
      title: "Reviewed",
      statusId: review.id,
    });
    expect(byId).toMatchObject({
      statusId: review.id,
      statusName: "In Review",
      statusCategory: "started",
      status: "in_progress",
    });
    // The legacy category takes its first status.
    const legacy = await as(owner).task.create({ orgId, projectId, title: "Old", status: "todo" });
    expect(legacy.statusName).toBe("Todo");
    // A category the task is already in keeps its status.
    const same = await as(owner).task.update({ orgId, taskId: byId.id, status: "in_progress" });
    expect(same.statusId).toBe(review.id);
    const moved = await as(owner).task.move({ orgId, taskId: legacy.id, statusId: review.id });
    expect(moved).toMatchObject({ statusName: "In Review", status: "in_progress" });
    const counts = await as(owner).task.counts({ orgId, projectId });
    expect(counts.byStatusId[review.id]).toBe(2);
    expect(counts.byStatus.in_progress).toBe(2);
    const filtered = await as(owner).task.list({ orgId, projectId, statusIds: [review.id] });
    expect(filtered.items).toHaveLength(2);
    // Another project's status is refused.
    const other = await freshProject("WFE");
    expect(
      await outcome(
        as(owner).task.create({ orgId, projectId: other, title: "X", statusId: review.id }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await outcome(as(owner).task.move({ orgId, taskId: legacy.id }))).toBe("BAD_REQUEST");
  });

  it("orders a task's position within its own status", async () => {
    const projectId = await freshProject("WFF");
    const review = await as(owner).status.create({
      orgId,
      projectId,
      name: "Review",
      category: "started",
    });
    const progress = await named(projectId, "In Progress");
    const a = await as(owner).task.create({ orgId, projectId, title: "A", statusId: review.id });
    const b = await as(owner).task.create({ orgId, projectId, title: "B", statusId: progress.id });
    // b's column is another: it cannot be a neighbour in review.
    expect(
      await outcome(
        as(owner).task.move({ orgId, taskId: a.id, statusId: review.id, afterId: b.id }),
      ),
    ).toBe("BAD_REQUEST");
    const c = await as(owner).task.create({ orgId, projectId, title: "C", statusId: review.id });
    const first = await as(owner).task.move({
      orgId,
      taskId: c.id,
      statusId: review.id,
      beforeId: a.id,
    });
    expect(first.position < a.position).toBe(true);
  });

  it("moves a category change to its tasks' status", async () => {
    const projectId = await freshProject("WFG");
    const review = await as(owner).status.create({
      orgId,
      projectId,
      name: "Verify",
      category: "started",
    });
    const task = await as(owner).task.create({ orgId, projectId, title: "T", statusId: review.id });
    await as(owner).status.update({ orgId, statusId: review.id, category: "completed" });
    const read = await as(owner).task.get({ orgId, ref: task.id });
    expect(read).toMatchObject({ status: "done", statusCategory: "completed" });
  });

  it("deletes a status after moving its tasks, and keeps one per category", async () => {
    const projectId = await freshProject("WFH");
    const review = await as(owner).status.create({
      orgId,
      projectId,
      name: "Review",
      category: "started",
    });
    const done = await named(projectId, "Done");
    const kept = await as(owner).task.create({
      orgId,
      projectId,
      title: "Kept",
      statusId: done.id,
    });
    const a = await as(owner).task.create({ orgId, projectId, title: "A", statusId: review.id });
    const b = await as(owner).task.create({ orgId, projectId, title: "B", statusId: review.id });
    expect(
      await outcome(
        as(owner).status.delete({ orgId, statusId: review.id, moveTasksTo: review.id }),
      ),
    ).toBe("BAD_REQUEST");
    await as(owner).status.delete({ orgId, statusId: review.id, moveTasksTo: done.id });
    const { items } = await as(owner).task.list({
      orgId,
      projectId,
      statusIds: [done.id],
      sort: "position",
      order: "asc",
    });
    expect(items.map((t) => t.title)).toEqual(["Kept", "A", "B"]);
    expect(items.every((t) => t.status === "done")).toBe(true);
    expect(items.map((t) => t.id)).toEqual([kept.id, a.id, b.id]);
    expect((await statuses(projectId)).some((s) => s.name === "Review")).toBe(false);
    // Done is the last completed status: neither deleted nor moved out of its category.
    const todo = await named(projectId, "Todo");
    expect(
      await outcome(as(owner).status.delete({ orgId, statusId: done.id, moveTasksTo: todo.id })),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(as(owner).status.update({ orgId, statusId: done.id, category: "started" })),
    ).toBe("BAD_REQUEST");
  });

  it("keeps statuses in their organization and lets only admins change them", async () => {
    const projectId = await freshProject("WFI");
    const stranger = await insertTestUser(services, "Stranger");
    const strangerOrg = (await as(stranger).org.create({ name: "Elsewhere" })).id;
    const done = await named(projectId, "Done");
    expect(await outcome(as(stranger).status.list({ orgId: strangerOrg, projectId }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await outcome(
        as(stranger).status.update({ orgId: strangerOrg, statusId: done.id, name: "X" }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(
        as(stranger).status.create({
          orgId: strangerOrg,
          projectId,
          name: "Sneaky",
          category: "started",
        }),
      ),
    ).toBe("NOT_FOUND");
    const member = await insertTestUser(services, "Member");
    await services.db
      .insertInto("memberships")
      .values({ org_id: orgId, user_id: member.id, role: "member" })
      .execute();
    expect((await as(member).status.list({ orgId, projectId })).length).toBe(5);
    expect(
      await outcome(as(member).status.update({ orgId, statusId: done.id, name: "Shipped" })),
    ).toBe("FORBIDDEN");
  });

  it("refuses bad input with 4xx", async () => {
    const projectId = await freshProject("WFJ");
    const done = await named(projectId, "Done");
    const bad = [
      () => as(owner).status.create({ orgId, projectId, name: " ", category: "started" }),
      () =>
        as(owner).status.create({ orgId, projectId, name: "x".repeat(41), category: "started" }),
      () =>
        as(owner).status.create({
          orgId,
          projectId,
          name: "Bad",
          // @ts-expect-error: not a category
          category: "in_progress",
        }),
      () => as(owner).status.create({ orgId, projectId, name: "Nul\u0000", category: "started" }),
      () => as(owner).status.update({ orgId, statusId: "not-a-uuid", name: "X" }),
      () => as(owner).status.update({ orgId, statusId: done.id }),
      () => as(owner).status.delete({ orgId, statusId: done.id, moveTasksTo: "nope" }),
    ];
    // Called one at a time: each refusal is awaited as it happens.
    for (const call of bad) expect(await outcome(call())).toBe("BAD_REQUEST");
    expect(
      await outcome(
        as(owner).status.update({
          orgId,
          statusId: "00000000-0000-4000-8000-000000000000",
          name: "X",
        }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("announces changes on the project's stream", async () => {
    const projectId = await freshProject("WFK");
    const { published, restore } = recordPublished(services);
    try {
      await as(owner).status.create({ orgId, projectId, name: "QA", category: "started" });
    } finally {
      restore();
    }
    expect(published.map((p) => p.event)).toContainEqual(
      expect.objectContaining({ type: "status.changed", projectId }),
    );
  });
});
