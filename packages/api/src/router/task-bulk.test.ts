import { describe, expect, it } from "vitest";
import { insertTestUser } from "../testing.ts";
import { as, services } from "./router-fixture.ts";
import { freshProject, labelIds, orgId, owner, useProductOrg } from "./product-fixture.ts";

useProductOrg();

async function tasksIn(projectId: string, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push((await as(owner).task.create({ orgId, projectId, title: `Bulk ${i}` })).id);
  return ids;
}

describe("bulk task actions", () => {
  it("changes status, assignee and labels of every selected task, one activity row each", async () => {
    const project = await freshProject("BLK");
    const ids = await tasksIn(project, 3);
    const [release] = await labelIds("release");
    const { items } = await as(owner).task.bulkUpdate({
      orgId,
      taskIds: ids,
      status: "done",
      assigneeId: owner.id,
      addLabelId: release,
    });
    expect(items.map((t) => [t.status, t.assigneeId, t.labels])).toEqual(
      ids.map(() => ["done", owner.id, [{ id: release, name: "release", colour: "gray" }]]),
    );
    const removed = await as(owner).task.bulkUpdate({
      orgId,
      taskIds: ids.slice(0, 2),
      removeLabelId: release,
      assigneeId: null,
    });
    expect(removed.items.map((t) => [t.labels, t.assigneeId])).toEqual([
      [[], null],
      [[], null],
    ]);
    const updates = await services.db
      .selectFrom("activity")
      .select("target_id")
      .where("org_id", "=", orgId)
      .where("action", "=", "task.updated")
      .where("target_id", "in", ids)
      .execute();
    expect(updates).toHaveLength(5);
  });

  it("moves tasks to another project, each taking that project's next key", async () => {
    const from = await freshProject("BFR");
    const to = await freshProject("BTO");
    await tasksIn(to, 1);
    const ids = await tasksIn(from, 2);
    const { items } = await as(owner).task.bulkUpdate({ orgId, taskIds: ids, projectId: to });
    expect(items.map((t) => [t.key, t.projectId])).toEqual([
      ["BTO-2", to],
      ["BTO-3", to],
    ]);
    expect((await as(owner).task.get({ orgId, ref: "BTO-3" })).id).toBe(ids[1]);
  });

  it("changes nothing when one task is missing or in another organization", async () => {
    const project = await freshProject("BAN");
    const ids = await tasksIn(project, 2);
    const stranger = await insertTestUser(services, "Stranger");
    const otherOrg = (await as(stranger).org.create({ name: "Other Org" })).id;
    const otherProject = (
      await as(stranger).project.create({ orgId: otherOrg, name: "O", key: "OTH" })
    ).id;
    const foreign = (
      await as(stranger).task.create({ orgId: otherOrg, projectId: otherProject, title: "Theirs" })
    ).id;
    await expect(
      as(owner).task.bulkUpdate({ orgId, taskIds: [...ids, foreign], status: "done" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      as(owner).task.bulkDelete({ orgId, taskIds: [...ids, foreign] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { items } = await as(owner).task.list({ orgId, projectId: project });
    expect(items.map((t) => t.status)).toEqual(["backlog", "backlog"]);
    expect((await as(stranger).task.get({ orgId: otherOrg, ref: foreign })).status).toBe("backlog");
  });

  it("puts every selected task in one of its project's own statuses", async () => {
    const project = await freshProject("BST");
    const ids = await tasksIn(project, 2);
    const review = await as(owner).status.create({
      orgId,
      projectId: project,
      name: "In Review",
      category: "started",
    });
    const { items } = await as(owner).task.bulkUpdate({ orgId, taskIds: ids, statusId: review.id });
    expect(items.map((t) => [t.statusId, t.statusName, t.status])).toEqual(
      ids.map(() => [review.id, "In Review", "in_progress"]),
    );
    const listed = await as(owner).task.list({ orgId, projectId: project, statusIds: [review.id] });
    expect(listed.items.map((t) => t.id).sort()).toEqual([...ids].sort());
  });

  it("refuses another project's or another organization's status, changing nothing", async () => {
    const project = await freshProject("BSA");
    const elsewhere = await freshProject("BSB");
    const ids = [...(await tasksIn(project, 1)), ...(await tasksIn(elsewhere, 1))];
    const review = await as(owner).status.create({
      orgId,
      projectId: project,
      name: "In Review",
      category: "started",
    });
    // One task is in another project than the status: the whole action is refused.
    await expect(
      as(owner).task.bulkUpdate({ orgId, taskIds: ids, statusId: review.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: /BSB-1 is in another project/ });

    const stranger = await insertTestUser(services, "Status Stranger");
    const otherOrg = (await as(stranger).org.create({ name: "Status Org" })).id;
    const otherProject = (
      await as(stranger).project.create({ orgId: otherOrg, name: "S", key: "SOR" })
    ).id;
    const [foreignStatus] = await as(stranger).status.list({
      orgId: otherOrg,
      projectId: otherProject,
    });
    await expect(
      as(owner).task.bulkUpdate({ orgId, taskIds: ids.slice(0, 1), statusId: foreignStatus!.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: /Unknown status/ });
    // Nor can the other organization set this organization's status on its own tasks.
    const theirs = (
      await as(stranger).task.create({ orgId: otherOrg, projectId: otherProject, title: "Theirs" })
    ).id;
    await expect(
      as(stranger).task.bulkUpdate({ orgId: otherOrg, taskIds: [theirs], statusId: review.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const mine = await services.db
      .selectFrom("tasks")
      .select(["status_id", "status"])
      .where("id", "in", [...ids, theirs])
      .execute();
    expect(mine.every((t) => t.status === "backlog" && t.status_id !== review.id)).toBe(true);
    expect(
      await services.db
        .selectFrom("activity")
        .select("id")
        .where("action", "=", "task.updated")
        .where("target_id", "in", [...ids, theirs])
        .execute(),
    ).toEqual([]);
  });

  it("refuses an empty selection, too many tasks, or no change, with a clear message", async () => {
    await expect(as(owner).task.bulkUpdate({ orgId, taskIds: [], status: "done" })).rejects.toThrow(
      /at least one task/,
    );
    const many = Array.from({ length: 101 }, () => crypto.randomUUID());
    await expect(as(owner).task.bulkDelete({ orgId, taskIds: many })).rejects.toThrow(
      /at most 100 tasks/,
    );
    const [id] = await tasksIn(await freshProject("BNO"), 1);
    await expect(as(owner).task.bulkUpdate({ orgId, taskIds: [id!] })).rejects.toThrow(
      /Choose a change/,
    );
  });

  it("deletes every selected task; their comments go out of sight with them", async () => {
    const project = await freshProject("BDL");
    const ids = await tasksIn(project, 3);
    await as(owner).comment.create({ orgId, taskId: ids[0]!, body: "Going away" });
    expect(await as(owner).task.bulkDelete({ orgId, taskIds: ids.slice(0, 2) })).toEqual({
      ok: true,
      count: 2,
    });
    const { items } = await as(owner).task.list({ orgId, projectId: project });
    expect(items.map((t) => t.id)).toEqual([ids[2]]);
    // Kept for an undo (task.bulkRestore, see task-trash.test.ts), but no longer readable.
    await expect(as(owner).comment.list({ orgId, taskId: ids[0]! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
