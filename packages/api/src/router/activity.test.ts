import { describe, expect, it } from "vitest";
import { as, orgWith, useServices } from "./router-fixture.ts";

useServices({ RATE_LIMIT_WRITES_PER_MINUTE: "100000", RATE_LIMIT_READS_PER_MINUTE: "100000" });

/** An organization with a member, two projects and a task moved to Done by the member. */
async function busyOrg() {
  const { owner, orgId, users } = await orgWith(["member"]);
  const member = users[0]!;
  const eng = await as(owner).project.create({ orgId, name: "Engineering", key: "ENG" });
  const ops = await as(owner).project.create({ orgId, name: "Operations", key: "OPS" });
  const task = await as(member).task.create({ orgId, projectId: eng.id, title: "Fix login" });
  await as(member).task.move({ orgId, taskId: task.id, status: "done" });
  await as(owner).task.create({ orgId, projectId: ops.id, title: "Rotate keys" });
  await as(owner).member.updateRole({ orgId, userId: member.id, role: "admin" });
  return { owner, member, orgId, eng, ops, task };
}

describe("activity.list", () => {
  it("names each entry's task as it is now and the person a member entry is about", async () => {
    const { owner, member, orgId, task } = await busyOrg();
    const { items } = await as(owner).activity.list({ orgId });
    expect(items.find((i) => i.action === "task.moved")).toMatchObject({
      actorId: member.id,
      taskKey: task.key,
      taskTitle: "Fix login",
      projectName: "Engineering",
      // The history names the project's statuses as people see them.
      data: { changes: { status: { from: "Backlog", to: "Done" } } },
    });
    expect(items.find((i) => i.action === "member.role_changed")).toMatchObject({
      subjectName: member.name,
      subjectEmail: member.email,
      taskKey: null,
    });
    // A deleted task has no key now; the entry keeps what it recorded.
    await as(owner).task.delete({ orgId, taskId: task.id });
    const after = await as(owner).activity.list({ orgId, kind: "task" });
    expect(after.items[0]).toMatchObject({ action: "task.deleted", taskKey: null });
  });

  it("filters by person, project and kind, and pages within the filter", async () => {
    const { owner, member, orgId, eng, ops } = await busyOrg();
    const byMember = await as(owner).activity.list({ orgId, actorId: member.id });
    expect(byMember.items.map((i) => i.action)).toEqual(["task.moved", "task.created"]);
    const inOps = await as(owner).activity.list({ orgId, projectId: ops.id });
    expect(inOps.items.map((i) => i.taskTitle)).toEqual(["Rotate keys", null]);
    const members = await as(owner).activity.list({ orgId, kind: "member" });
    expect(members.items.map((i) => i.action)).toEqual(["member.role_changed"]);
    const first = await as(owner).activity.list({ orgId, kind: "task", limit: 2 });
    const second = await as(owner).activity.list({
      orgId,
      kind: "task",
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(first.items.map((i) => i.action)).toEqual(["task.created", "task.moved"]);
    expect(second.items.map((i) => i.action)).toEqual(["task.created"]);
    expect(second.nextCursor).toBeNull();
    const both = await as(owner).activity.list({ orgId, projectId: eng.id, kind: "project" });
    expect(both.items.map((i) => i.action)).toEqual(["project.created"]);
  });

  it("never shows another organization's entries, whatever the filter", async () => {
    const mine = await busyOrg();
    const theirs = await busyOrg();
    const filters = [
      { projectId: theirs.eng.id },
      { actorId: theirs.member.id },
      { taskId: theirs.task.id },
    ];
    for (const filter of filters) {
      const { items } = await as(mine.owner).activity.list({ orgId: mine.orgId, ...filter });
      expect(items).toEqual([]);
    }
  });

  it("refuses unknown kinds and malformed ids with a clear message", async () => {
    const { owner, orgId } = await busyOrg();
    await expect(
      as(owner).activity.list({ orgId, kind: "secrets" as never }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Choose one of"),
    });
    await expect(as(owner).activity.list({ orgId, actorId: "nobody" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Unknown person"),
    });
  });

  it("reads a cursor as a row id or its digits, and refuses anything else coerced to one", async () => {
    const { owner, orgId } = await busyOrg();
    const first = await as(owner).activity.list({ orgId, limit: 2 });
    const cursor = first.nextCursor!;
    const asText = await as(owner).activity.list({
      orgId,
      limit: 2,
      cursor: String(cursor),
    });
    const asNumber = await as(owner).activity.list({ orgId, limit: 2, cursor });
    expect(asText.items.map((i) => i.id)).toEqual(asNumber.items.map((i) => i.id));
    for (const bad of [true, [cursor], "0x10", ` ${cursor}`, "1e3", 0, -1, 1.5, "9".repeat(17)]) {
      await expect(as(owner).activity.list({ orgId, cursor: bad as never })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("Use the nextCursor of the previous page"),
      });
    }
  });
});
