import { MAX_TASK_DEPTH } from "@tesseract/validators/constants";
import { describe, expect, it } from "vitest";
import { insertTestUser } from "../testing.ts";
import { as, services, outcome } from "./router-fixture.ts";
import { freshProject, orgId, owner, projectId, useProductOrg } from "./product-fixture.ts";

useProductOrg();

const create = (title: string, extra: { parentId?: string; projectId?: string } = {}) =>
  as(owner).task.create({ orgId, projectId, title, ...extra });

describe("sub-tasks", () => {
  it("counts a parent's sub-tasks and those done, and lists them", async () => {
    const parent = await create("Parent");
    const a = await create("Child A", { parentId: parent.id });
    await create("Child B", { parentId: parent.id });
    expect(a.parentId).toBe(parent.id);
    await as(owner).task.update({ orgId, taskId: a.id, status: "done" });
    const read = await as(owner).task.get({ orgId, ref: parent.id });
    expect(read.subtasks).toEqual({ total: 2, done: 1 });
    const { items } = await as(owner).task.list({ orgId, parentId: parent.id, sort: "created" });
    expect(items.map((t) => t.title).sort()).toEqual(["Child A", "Child B"]);
    // The board's list carries the progress too.
    const board = await as(owner).task.list({ orgId, projectId, sort: "position", limit: 100 });
    expect(board.items.find((t) => t.id === parent.id)?.subtasks).toEqual({ total: 2, done: 1 });
  });

  it("moves a task under another and back to the top, recorded in its history", async () => {
    const parent = await create("New parent");
    const child = await create("Moved child");
    await as(owner).task.update({ orgId, taskId: child.id, parentId: parent.id });
    expect((await as(owner).task.get({ orgId, ref: parent.id })).subtasks.total).toBe(1);
    const top = await as(owner).task.update({ orgId, taskId: child.id, parentId: null });
    expect(top.parentId).toBeNull();
    const history = await as(owner).task.activity({ orgId, taskId: child.id });
    const parentChanges = history.items.map(
      (e) => (e.data as { changes?: { parentId?: unknown } }).changes?.parentId,
    );
    expect(parentChanges).toContainEqual({ from: null, to: parent.key });
    expect(parentChanges).toContainEqual({ from: parent.key, to: null });
  });

  it("refuses cycles, itself as parent, and trees deeper than the limit", async () => {
    const chain = [await create("Level 1")];
    for (let level = 2; level <= MAX_TASK_DEPTH; level++)
      chain.push(await create(`Level ${level}`, { parentId: chain.at(-1)!.id }));
    const [root, second] = chain as [(typeof chain)[0], (typeof chain)[0]];
    expect(await outcome(create("Too deep", { parentId: chain.at(-1)!.id }))).toBe("BAD_REQUEST");
    expect(
      await outcome(as(owner).task.update({ orgId, taskId: root.id, parentId: chain.at(-1)!.id })),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(as(owner).task.update({ orgId, taskId: root.id, parentId: root.id })),
    ).toBe("BAD_REQUEST");
    // Moving a two-level branch under a task that leaves no room for it.
    const other = await create("Other root");
    const otherChild = await create("Other child", { parentId: other.id });
    expect(
      await outcome(as(owner).task.update({ orgId, taskId: second.id, parentId: otherChild.id })),
    ).toBe("BAD_REQUEST");
    expect((await as(owner).task.get({ orgId, ref: second.id })).parentId).toBe(root.id);
  });

  it("keeps a concurrent swap from making a loop", async () => {
    const a = await create("Swap A");
    const b = await create("Swap B");
    const results = await Promise.all([
      outcome(as(owner).task.update({ orgId, taskId: a.id, parentId: b.id })),
      outcome(as(owner).task.update({ orgId, taskId: b.id, parentId: a.id })),
    ]);
    expect(results.sort()).toEqual(["BAD_REQUEST", "ok"]);
  });

  it("keeps a parent in the same project and organization (another's is not found)", async () => {
    const elsewhere = await freshProject("SUBX");
    const foreignParent = await as(owner).task.create({
      orgId,
      projectId: elsewhere,
      title: "Other project",
    });
    expect(await outcome(create("Cross project", { parentId: foreignParent.id }))).toBe(
      "BAD_REQUEST",
    );
    const stranger = await insertTestUser(services, "Stranger");
    const theirOrg = (await as(stranger).org.create({ name: "Their Org" })).id;
    const theirProject = await as(stranger).project.create({
      orgId: theirOrg,
      name: "Theirs",
      key: "THR",
    });
    const theirs = await as(stranger).task.create({
      orgId: theirOrg,
      projectId: theirProject.id,
      title: "Secret",
    });
    expect(await outcome(create("Cross org", { parentId: theirs.id }))).toBe("NOT_FOUND");
  });

  it("keeps sub-tasks as top-level tasks when their parent is deleted", async () => {
    const parent = await create("Doomed parent");
    const child = await create("Survivor", { parentId: parent.id });
    await as(owner).task.delete({ orgId, taskId: parent.id });
    expect((await as(owner).task.get({ orgId, ref: child.id })).parentId).toBeNull();
  });
});

describe("relations", () => {
  it("shows one relation from both sides, inverted, and removes it from either", async () => {
    const a = await create("Blocker");
    const b = await create("Blocked");
    const { id } = await as(owner).relation.add({
      orgId,
      taskId: b.id,
      kind: "blocked_by",
      otherTaskId: a.id,
    });
    const fromA = await as(owner).relation.list({ orgId, taskId: a.id });
    const fromB = await as(owner).relation.list({ orgId, taskId: b.id });
    expect(fromA.map((r) => [r.id, r.kind, r.task.key])).toEqual([[id, "blocks", b.key]]);
    expect(fromB.map((r) => [r.id, r.kind, r.task.key])).toEqual([[id, "blocked_by", a.key]]);
    expect((await as(owner).task.get({ orgId, ref: b.id })).blockedBy).toBe(1);
    await as(owner).relation.remove({ orgId, relationId: id });
    expect(await as(owner).relation.list({ orgId, taskId: b.id })).toEqual([]);
    const history = await as(owner).task.activity({ orgId, taskId: a.id });
    expect(history.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(["task.relation_added", "task.relation_removed"]),
    );
  });

  it("reads duplicate of / duplicated by and relates to both ways", async () => {
    const a = await create("Original");
    const b = await create("Copy");
    await as(owner).relation.add({ orgId, taskId: b.id, kind: "duplicate_of", otherTaskId: a.id });
    await as(owner).relation.add({ orgId, taskId: a.id, kind: "relates_to", otherTaskId: b.id });
    const kinds = async (taskId: string) =>
      (await as(owner).relation.list({ orgId, taskId })).map((r) => r.kind).sort();
    expect(await kinds(a.id)).toEqual(["duplicated_by", "relates_to"]);
    expect(await kinds(b.id)).toEqual(["duplicate_of", "relates_to"]);
    // The same relation again, from either side, is a conflict.
    expect(
      await outcome(
        as(owner).relation.add({ orgId, taskId: b.id, kind: "relates_to", otherTaskId: a.id }),
      ),
    ).toBe("CONFLICT");
    expect(
      await outcome(
        as(owner).relation.add({ orgId, taskId: a.id, kind: "duplicated_by", otherTaskId: b.id }),
      ),
    ).toBe("CONFLICT");
  });

  it("refuses a task related to itself and mutual blocking", async () => {
    const a = await create("Self");
    const b = await create("Mutual");
    expect(
      await outcome(
        as(owner).relation.add({ orgId, taskId: a.id, kind: "blocks", otherTaskId: a.id }),
      ),
    ).toBe("BAD_REQUEST");
    await as(owner).relation.add({ orgId, taskId: a.id, kind: "blocks", otherTaskId: b.id });
    expect(
      await outcome(
        as(owner).relation.add({ orgId, taskId: b.id, kind: "blocks", otherTaskId: a.id }),
      ),
    ).toBe("CONFLICT");
  });

  it("filters blocked tasks by open blockers, and search results say so", async () => {
    const project = await freshProject("BLK");
    const make = (title: string) => as(owner).task.create({ orgId, projectId: project, title });
    const blocker = await make("Zanzibar blocker");
    const blocked = await make("Zanzibar blocked");
    await make("Zanzibar free");
    await as(owner).relation.add({
      orgId,
      taskId: blocker.id,
      kind: "blocks",
      otherTaskId: blocked.id,
    });
    const list = async (blockedFilter: boolean) =>
      (await as(owner).task.list({ orgId, projectId: project, blocked: blockedFilter })).items
        .map((t) => t.title)
        .sort();
    expect(await list(true)).toEqual(["Zanzibar blocked"]);
    expect(await list(false)).toEqual(["Zanzibar blocker", "Zanzibar free"]);
    const hits = await as(owner).task.search({ orgId, query: "zanzibar", projectId: project });
    expect(hits.find((h) => h.id === blocked.id)?.blockedBy).toBe(1);
    // A finished blocker no longer blocks.
    await as(owner).task.update({ orgId, taskId: blocker.id, status: "done" });
    expect(await list(true)).toEqual([]);
  });

  it("refuses another organization's task as not found, revealing nothing", async () => {
    const mine = await create("Mine");
    const stranger = await insertTestUser(services, "Outsider");
    const theirOrg = (await as(stranger).org.create({ name: "Outside Org" })).id;
    const theirProject = await as(stranger).project.create({
      orgId: theirOrg,
      name: "Outside",
      key: "OUT",
    });
    const theirs = await as(stranger).task.create({
      orgId: theirOrg,
      projectId: theirProject.id,
      title: "Hidden",
    });
    const refused = as(owner).relation.add({
      orgId,
      taskId: mine.id,
      kind: "relates_to",
      otherTaskId: theirs.id,
    });
    const missing = as(owner).relation.add({
      orgId,
      taskId: mine.id,
      kind: "relates_to",
      otherTaskId: crypto.randomUUID(),
    });
    const [a, b] = await Promise.allSettled([refused, missing]);
    expect(a.status).toBe("rejected");
    expect(b.status).toBe("rejected");
    const message = (r: PromiseSettledResult<unknown>) => {
      const error = (r as PromiseRejectedResult).reason as { code: string; message: string };
      return [error.code, error.message];
    };
    expect(message(a)).toEqual(message(b));
    expect(message(a)[0]).toBe("NOT_FOUND");
    expect(await as(stranger).relation.list({ orgId: theirOrg, taskId: theirs.id })).toEqual([]);
  });
});
