import { afterEach, describe, expect, it, vi } from "vitest";
import { TASK_RESTORE_DAYS } from "@tesseract/validators/constants";
import { countProjectTasks, projectTaskPages } from "../exports/project-rows.ts";
import { restoreHorizon } from "../domain/task-trash.ts";
import { purgeDeletedTasks } from "../jobs/task-purge.ts";
import { recordPublished } from "../live/published-fixture.ts";
import { insertTestAttachment, insertTestUser } from "../testing.ts";
import { as, orgWith, services } from "./router-fixture.ts";
import { freshProject, orgId, owner, useProductOrg } from "./product-fixture.ts";

useProductOrg();

let recording: ReturnType<typeof recordPublished> | undefined;
afterEach(() => {
  recording?.restore();
  recording = undefined;
});

async function task(projectId: string, title: string, extra: { parentId?: string } = {}) {
  return as(owner).task.create({ orgId, projectId, title, ...extra });
}

/** Pretends the task was deleted `days` ago. */
async function ageDeletion(taskId: string, days: number) {
  await services.db
    .updateTable("tasks")
    .set({ deleted_at: new Date(Date.now() - days * 86_400_000) })
    .where("id", "=", taskId)
    .execute();
}

describe("deleting a task, undoably", () => {
  it("restores the task with its comments, attachments, relations, sub-tasks and position", async () => {
    const project = await freshProject("TRA");
    const first = await task(project, "First");
    const doomed = await task(project, "Findable zebra");
    const last = await task(project, "Last");
    const child = await task(project, "Child", { parentId: doomed.id });
    await as(owner).comment.create({ orgId, taskId: doomed.id, body: "Keep me" });
    const file = await insertTestAttachment(services, {
      orgId,
      taskId: doomed.id,
      uploaderId: owner.id,
      status: "ready",
    });
    await as(owner).relation.add({
      orgId,
      taskId: doomed.id,
      kind: "blocks",
      otherTaskId: last.id,
    });

    await as(owner).task.delete({ orgId, taskId: doomed.id });
    expect((await as(owner).task.get({ orgId, ref: child.id })).parentId).toBeNull();
    expect((await as(owner).task.get({ orgId, ref: last.id })).blockedBy).toBe(0);
    expect(await as(owner).relation.list({ orgId, taskId: last.id })).toEqual([]);
    // The file stays in storage until the task is purged.
    expect(await services.storage.head(file.key)).toBeTruthy();

    const restored = await as(owner).task.restore({ orgId, taskId: doomed.id });
    expect(restored).toMatchObject({ id: doomed.id, key: doomed.key, position: doomed.position });
    expect(restored.subtasks.total).toBe(1);
    const column = await as(owner).task.list({
      orgId,
      projectId: project,
      sort: "position",
      order: "asc",
    });
    expect(column.items.map((t) => t.id)).toEqual([first.id, doomed.id, last.id, child.id]);
    expect((await as(owner).task.get({ orgId, ref: child.id })).parentId).toBe(doomed.id);
    const comments = await as(owner).comment.list({ orgId, taskId: doomed.id });
    expect(comments.items.map((c) => c.body)).toEqual(["Keep me"]);
    const files = await as(owner).attachment.list({ orgId, taskId: doomed.id });
    expect(files.items.map((f) => f.id)).toEqual([file.id]);
    expect((await as(owner).task.get({ orgId, ref: last.id })).blockedBy).toBe(1);
    const activity = await as(owner).task.activity({ orgId, taskId: doomed.id });
    expect(activity.items.map((a) => a.action).slice(0, 2)).toEqual([
      "task.restored",
      "task.deleted",
    ]);
  });

  it("leaves a deleted task out of get, list, counts, search, sub-task progress, project counts and exports", async () => {
    const project = await freshProject("TRB");
    const parent = await task(project, "Parent");
    const kept = await task(project, "Kept walrus");
    const gone = await task(project, "Gone walrus", { parentId: parent.id });
    await as(owner).comment.create({ orgId, taskId: gone.id, body: "walrus comment" });
    await as(owner).task.delete({ orgId, taskId: gone.id });

    await expect(as(owner).task.get({ orgId, ref: gone.key })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(as(owner).task.get({ orgId, ref: gone.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const list = await as(owner).task.list({ orgId, projectId: project });
    expect(list.items.map((t) => t.id).sort()).toEqual([parent.id, kept.id].sort());
    expect((await as(owner).task.counts({ orgId, projectId: project })).total).toBe(2);
    const hits = await as(owner).task.search({ orgId, query: "walrus" });
    expect(hits.map((h) => h.id)).toEqual([kept.id]);
    expect((await as(owner).task.get({ orgId, ref: parent.id })).subtasks.total).toBe(0);
    const projects = await as(owner).project.list({ orgId });
    expect(projects.find((p) => p.id === project)?.openTasks).toBe(2);
    await expect(as(owner).comment.list({ orgId, taskId: gone.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const file = await insertTestAttachment(services, {
      orgId,
      taskId: gone.id,
      uploaderId: owner.id,
      status: "ready",
    });
    await expect(
      as(owner).attachment.download({ orgId, attachmentId: file.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ref = { orgId, projectId: project };
    expect(await countProjectTasks(services.db, ref)).toBe(2);
    const exported = [];
    for await (const page of projectTaskPages(services.db, { ...ref, key: "TRB" }, async () => {}))
      exported.push(...page.map((row) => row.id));
    expect(exported.sort()).toEqual([parent.id, kept.id].sort());
    // Nor can it be changed, deleted again or bulk-edited.
    await expect(
      as(owner).task.update({ orgId, taskId: gone.id, title: "Zombie" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(owner).task.delete({ orgId, taskId: gone.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      as(owner).task.bulkUpdate({ orgId, taskIds: [gone.id], status: "done" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("leaves a deleted task out of My Issues, the parent's sub-tasks, the other side's relations and the label and status counts", async () => {
    const project = await freshProject("TRM");
    const label = await as(owner).label.create({ orgId, name: `trash-${project.slice(0, 8)}` });
    const parent = await task(project, "Parent");
    const other = await task(project, "Other");
    const gone = await as(owner).task.create({
      orgId,
      projectId: project,
      title: "Gone",
      parentId: parent.id,
      assigneeId: owner.id,
      labelIds: [label.id],
    });
    await as(owner).relation.add({ orgId, taskId: other.id, kind: "blocks", otherTaskId: gone.id });
    const statusOf = async () =>
      (await as(owner).status.list({ orgId, projectId: project })).find(
        (status) => status.id === gone.statusId,
      )?.taskCount;
    const labelCount = async () =>
      (await as(owner).label.list({ orgId })).find((l) => l.id === label.id)?.taskCount;
    const mine = async () =>
      (await as(owner).task.mine({ orgId, relation: "assigned" })).items.map((t) => t.id);
    const children = async () =>
      (await as(owner).task.list({ orgId, parentId: parent.id })).items.map((t) => t.id);
    const related = async () =>
      (await as(owner).relation.list({ orgId, taskId: other.id })).map((r) => r.task.id);
    // Each read sees it before the delete, so the checks after it can fail.
    expect(await mine()).toContain(gone.id);
    expect(await children()).toEqual([gone.id]);
    expect(await related()).toEqual([gone.id]);
    expect(await labelCount()).toBe(1);
    const before = await statusOf();
    // Cached reads of the task's own lists (answered once, so an entry exists) end with it too.
    await as(owner).comment.list({ orgId, taskId: gone.id });
    await as(owner).attachment.list({ orgId, taskId: gone.id });

    await as(owner).task.delete({ orgId, taskId: gone.id });
    expect(await mine()).not.toContain(gone.id);
    expect(await children()).toEqual([]);
    expect(await related()).toEqual([]);
    expect(await labelCount()).toBe(0);
    expect(await statusOf()).toBe((before ?? 0) - 1);
    for (const read of [
      () => as(owner).comment.list({ orgId, taskId: gone.id }),
      () => as(owner).attachment.list({ orgId, taskId: gone.id }),
    ])
      await expect(read()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("announces the delete and the restore to live subscribers; a second restore changes nothing", async () => {
    const project = await freshProject("TRC");
    const doomed = await task(project, "Announced");
    recording = recordPublished(services);
    await as(owner).task.delete({ orgId, taskId: doomed.id });
    await as(owner).task.restore({ orgId, taskId: doomed.id });
    const again = await as(owner).task.restore({ orgId, taskId: doomed.id });
    expect(again.id).toBe(doomed.id);
    await vi.waitFor(() => {
      expect(recording!.published.map(({ event }) => event.type)).toEqual([
        "task.deleted",
        "task.restored",
      ]);
    });
  });

  it("bulk delete is undone by bulk restore, all or none", async () => {
    const project = await freshProject("TRD");
    const a = await task(project, "A");
    const b = await task(project, "B");
    const c = await task(project, "C");
    expect(await as(owner).task.bulkDelete({ orgId, taskIds: [a.id, b.id] })).toEqual({
      ok: true,
      count: 2,
    });
    expect((await as(owner).task.list({ orgId, projectId: project })).items).toHaveLength(1);
    // One unknown task refuses the whole restore.
    await expect(
      as(owner).task.bulkRestore({ orgId, taskIds: [a.id, crypto.randomUUID()] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await as(owner).task.list({ orgId, projectId: project })).items).toHaveLength(1);
    const { items } = await as(owner).task.bulkRestore({ orgId, taskIds: [a.id, b.id] });
    expect(items.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    const list = await as(owner).task.list({
      orgId,
      projectId: project,
      sort: "position",
      order: "asc",
    });
    expect(list.items.map((t) => t.id)).toEqual([a.id, b.id, c.id]);
  });

  it(`refuses a restore after ${TASK_RESTORE_DAYS} days with a clear 400; the purge then removes the task and its files`, async () => {
    const project = await freshProject("TRE");
    const old = await task(project, "Old");
    const recent = await task(project, "Recent");
    const file = await insertTestAttachment(services, {
      orgId,
      taskId: old.id,
      uploaderId: owner.id,
      status: "ready",
    });
    await as(owner).task.bulkDelete({ orgId, taskIds: [old.id, recent.id] });
    await ageDeletion(old.id, TASK_RESTORE_DAYS + 1);
    await expect(as(owner).task.restore({ orgId, taskId: old.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/more than 30 days ago/),
    });
    await expect(
      as(owner).task.bulkRestore({ orgId, taskIds: [old.id, recent.id] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const purged = await purgeDeletedTasks(services.db, services.storage, {
      olderThan: restoreHorizon(new Date()),
      limit: 100,
    });
    expect(purged).toBeGreaterThanOrEqual(1);
    const rows = await services.db
      .selectFrom("tasks")
      .select("id")
      .where("id", "in", [old.id, recent.id])
      .execute();
    expect(rows.map((r) => r.id)).toEqual([recent.id]);
    expect(await services.storage.head(file.key)).toBeFalsy();
    await expect(as(owner).task.restore({ orgId, taskId: old.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await as(owner).task.restore({ orgId, taskId: recent.id })).id).toBe(recent.id);
  });

  it("restoring needs the right to delete, and stays inside the organization", async () => {
    const project = await freshProject("TRF");
    const doomed = await task(project, "Guarded");
    await as(owner).task.delete({ orgId, taskId: doomed.id });
    const viewer = await insertTestUser(services, "Viewer");
    await services.db
      .insertInto("memberships")
      .values({ org_id: orgId, user_id: viewer.id, role: "viewer" })
      .execute();
    await expect(as(viewer).task.restore({ orgId, taskId: doomed.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      as(viewer).task.bulkRestore({ orgId, taskIds: [doomed.id] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Another organization's owner cannot restore it through their own organization.
    const other = await orgWith([]);
    await expect(
      as(other.owner).task.restore({ orgId: other.orgId, taskId: doomed.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      as(other.owner).task.bulkRestore({ orgId: other.orgId, taskIds: [doomed.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(other.owner).task.restore({ orgId, taskId: doomed.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await as(owner).task.restore({ orgId, taskId: doomed.id })).title).toBe("Guarded");
  });
});
