import { describe, expect, it } from "vitest";
import { insertTestUser } from "../testing.ts";
import { as, services } from "./router-fixture.ts";
import { freshProject, orgId, owner, useProductOrg } from "./product-fixture.ts";

useProductOrg();

async function taskIn(projectId: string, title = "Moving task") {
  return as(owner).task.create({ orgId, projectId, title });
}

async function move(taskId: string, projectId: string) {
  const { items } = await as(owner).task.bulkUpdate({ orgId, taskIds: [taskId], projectId });
  return items[0]!;
}

async function aliases(taskId: string) {
  const rows = await services.db
    .selectFrom("task_key_aliases")
    .select(["key", "org_id"])
    .where("task_id", "=", taskId)
    .orderBy("key")
    .execute();
  return rows;
}

describe("old task keys after a move", () => {
  it("finds a task moved twice by both of its old keys, answering with its current key", async () => {
    const a = await freshProject("KAA");
    const b = await freshProject("KBB");
    const c = await freshProject("KCC");
    await taskIn(b, "Already in KBB");
    const task = await taskIn(a);
    expect(task.key).toBe("KAA-1");
    // Read (and cached) under its first key before it moves.
    expect((await as(owner).task.get({ orgId, ref: "KAA-1" })).key).toBe("KAA-1");
    expect((await move(task.id, b)).key).toBe("KBB-2");
    expect((await move(task.id, c)).key).toBe("KCC-1");

    for (const ref of ["KAA-1", "KBB-2", "KCC-1", task.id]) {
      const found = await as(owner).task.get({ orgId, ref });
      expect([ref, found.id, found.key, found.projectId]).toEqual([ref, task.id, "KCC-1", c]);
    }
    expect(await aliases(task.id)).toEqual([
      { key: "KAA-1", org_id: orgId },
      { key: "KBB-2", org_id: orgId },
    ]);
    // The history names each move's keys.
    const { items } = await as(owner).task.activity({ orgId, taskId: task.id, limit: 10 });
    const keyChanges = items
      .map((entry) => (entry.data as { changes?: { key?: unknown } }).changes?.key)
      .filter(Boolean);
    expect(keyChanges).toEqual([
      { from: "KBB-2", to: "KCC-1" },
      { from: "KAA-1", to: "KBB-2" },
    ]);
  });

  it("a task's old key stays its own when it moves back to its first project", async () => {
    const a = await freshProject("KBA");
    const b = await freshProject("KBC");
    const task = await taskIn(a);
    await move(task.id, b);
    const back = await move(task.id, a);
    expect(back.key).toBe("KBA-2");
    expect((await as(owner).task.get({ orgId, ref: "KBA-1" })).key).toBe("KBA-2");
    expect((await as(owner).task.get({ orgId, ref: "KBC-1" })).key).toBe("KBA-2");
  });

  it("a current key wins over an alias, and a key given up again goes to its latest holder", async () => {
    // A deleted project's key can be taken by a new project, whose first task reuses KRU-1.
    const first = await freshProject("KRU");
    const elsewhere = await freshProject("KRE");
    const moved = await taskIn(first, "Moved out before the project went");
    await move(moved.id, elsewhere);
    await as(owner).project.delete({ orgId, projectId: first, confirmKey: "KRU" });
    expect((await as(owner).task.get({ orgId, ref: "KRU-1" })).id).toBe(moved.id);

    const second = await freshProject("KRU");
    const newcomer = await taskIn(second, "Holds KRU-1 now");
    expect(newcomer.key).toBe("KRU-1");
    expect((await as(owner).task.get({ orgId, ref: "KRU-1" })).id).toBe(newcomer.id);

    await move(newcomer.id, elsewhere);
    expect((await as(owner).task.get({ orgId, ref: "KRU-1" })).id).toBe(newcomer.id);
    expect(await aliases(moved.id)).toEqual([]);
  });

  it("a refused move records no alias", async () => {
    const a = await freshProject("KFA");
    const archived = await freshProject("KFB");
    await as(owner).project.archive({ orgId, projectId: archived });
    const task = await taskIn(a);
    await expect(move(task.id, archived)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await aliases(task.id)).toEqual([]);
    expect((await as(owner).task.get({ orgId, ref: "KFA-1" })).id).toBe(task.id);
  });

  it("an old key of a deleted task is not found, and the task's removal takes its aliases", async () => {
    const a = await freshProject("KDA");
    const b = await freshProject("KDB");
    const task = await taskIn(a);
    await move(task.id, b);
    await as(owner).task.delete({ orgId, taskId: task.id });
    await expect(as(owner).task.get({ orgId, ref: "KDA-1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await services.db.deleteFrom("tasks").where("id", "=", task.id).execute();
    expect(await aliases(task.id)).toEqual([]);
  });

  it("an organization's old keys are never found from another organization", async () => {
    const a = await freshProject("KXA");
    const b = await freshProject("KXB");
    const task = await taskIn(a);
    await move(task.id, b);
    const stranger = await insertTestUser(services, "Stranger");
    const otherOrg = (await as(stranger).org.create({ name: "Other Org" })).id;
    // Even with a project of the same key, whose number 1 is not yet taken.
    await as(stranger).project.create({ orgId: otherOrg, name: "Same key", key: "KXA" });
    for (const ref of ["KXA-1", "KXB-1"])
      await expect(as(stranger).task.get({ orgId: otherOrg, ref })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    expect((await as(owner).task.get({ orgId, ref: "KXA-1" })).key).toBe("KXB-1");
  });
});
