import { describe, expect, it } from "vitest";
import { recordPublished } from "../live/published-fixture.ts";
import { as, orgWith, services, outcome } from "./router-fixture.ts";
import { freshProject, orgId, owner, projectId, useProductOrg } from "./product-fixture.ts";

useProductOrg();

describe("labels", () => {
  it("defines, lists, renames, recolours and deletes labels", async () => {
    const created = await as(owner).label.create({ orgId, name: "  Crud  ", colour: "teal" });
    expect(created).toMatchObject({ name: "Crud", colour: "teal", taskCount: 0 });
    const listed = await as(owner).label.list({ orgId });
    expect(listed.find((label) => label.id === created.id)).toMatchObject({ name: "Crud" });

    const renamed = await as(owner).label.update({
      orgId,
      labelId: created.id,
      name: "Crud renamed",
      colour: "pink",
    });
    expect(renamed).toMatchObject({ id: created.id, name: "Crud renamed", colour: "pink" });
    // The same name in another case is still the same label's name.
    expect(await outcome(as(owner).label.create({ orgId, name: "crud RENAMED" }))).toBe("CONFLICT");
    // Re-casing a label's own name is a rename, not a clash.
    const recased = await as(owner).label.update({
      orgId,
      labelId: created.id,
      name: "CRUD renamed",
    });
    expect(recased.name).toBe("CRUD renamed");

    await as(owner).label.delete({ orgId, labelId: created.id });
    expect((await as(owner).label.list({ orgId })).some((l) => l.id === created.id)).toBe(false);
    expect(await outcome(as(owner).label.delete({ orgId, labelId: created.id }))).toBe("NOT_FOUND");
    const actions = await services.db
      .selectFrom("activity")
      .select("action")
      .where("target_id", "=", created.id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "label.created",
      "label.updated",
      "label.updated",
      "label.deleted",
    ]);
  });

  it("puts labels on tasks by id; a rename shows on every task, live and uncached", async () => {
    const project = await freshProject("LBL");
    const bug = await as(owner).label.create({ orgId, name: "Rename me", colour: "red" });
    const ui = await as(owner).label.create({ orgId, name: "Also ui", colour: "blue" });
    const task = await as(owner).task.create({
      orgId,
      projectId: project,
      title: "Labelled",
      labelIds: [bug.id, ui.id, bug.id],
    });
    expect(task.labels).toEqual([
      { id: ui.id, name: "Also ui", colour: "blue" },
      { id: bug.id, name: "Rename me", colour: "red" },
    ]);
    // Read once so the list is cached, then rename: the cached list must not be served.
    const before = await as(owner).task.list({ orgId, projectId: project });
    expect(before.items[0]?.labels.map((l) => l.name)).toEqual(["Also ui", "Rename me"]);

    const recorder = recordPublished(services);
    try {
      await as(owner).label.update({ orgId, labelId: bug.id, name: "Defect", colour: "orange" });
      expect(recorder.published.map((p) => p.event)).toContainEqual(
        expect.objectContaining({
          type: "label.updated",
          orgId,
          label: { id: bug.id, name: "Defect", colour: "orange" },
        }),
      );
    } finally {
      recorder.restore();
    }
    const after = await as(owner).task.list({ orgId, projectId: project });
    expect(after.items[0]?.labels).toContainEqual({ id: bug.id, name: "Defect", colour: "orange" });
    expect((await as(owner).task.get({ orgId, ref: task.id })).labels).toContainEqual({
      id: bug.id,
      name: "Defect",
      colour: "orange",
    });
    expect((await as(owner).label.list({ orgId })).find((l) => l.id === bug.id)?.taskCount).toBe(1);

    // Changing a task's labels records the names in its history; a filter finds it by id.
    const updated = await as(owner).task.update({ orgId, taskId: task.id, labelIds: [ui.id] });
    expect(updated.labels.map((l) => l.id)).toEqual([ui.id]);
    const history = await as(owner).task.activity({ orgId, taskId: task.id });
    expect(history.items[0]?.data).toMatchObject({
      changes: { labels: { from: ["Also ui", "Defect"], to: ["Also ui"] } },
    });
    const filtered = await as(owner).task.list({ orgId, projectId: project, labelId: ui.id });
    expect(filtered.items.map((t) => t.id)).toEqual([task.id]);
    expect((await as(owner).task.list({ orgId, labelId: bug.id })).items).toEqual([]);

    // Deleting a label takes it off its tasks.
    await as(owner).label.delete({ orgId, labelId: ui.id });
    expect((await as(owner).task.get({ orgId, ref: task.id })).labels).toEqual([]);
  });

  it("adds and removes a label across many tasks at once", async () => {
    const a = await as(owner).task.create({ orgId, projectId, title: "Bulk label A" });
    const b = await as(owner).task.create({ orgId, projectId, title: "Bulk label B" });
    const label = await as(owner).label.create({ orgId, name: "Bulk", colour: "amber" });
    const added = await as(owner).task.bulkUpdate({
      orgId,
      taskIds: [a.id, b.id],
      addLabelId: label.id,
    });
    expect(added.items.map((t) => t.labels.map((l) => l.name))).toEqual([["Bulk"], ["Bulk"]]);
    const removed = await as(owner).task.bulkUpdate({
      orgId,
      taskIds: [a.id],
      removeLabelId: label.id,
    });
    expect(removed.items[0]?.labels).toEqual([]);
  });

  it("keeps labels inside their organization", async () => {
    const other = await orgWith([]);
    const foreign = await as(other.owner).label.create({ orgId: other.orgId, name: "Theirs" });
    // Another organization's label is unknown here: not listed, not usable, not changeable.
    expect((await as(owner).label.list({ orgId })).some((l) => l.id === foreign.id)).toBe(false);
    expect(
      await outcome(
        as(owner).task.create({ orgId, projectId, title: "x", labelIds: [foreign.id] }),
      ),
    ).toBe("BAD_REQUEST");
    const task = await as(owner).task.create({ orgId, projectId, title: "Isolated" });
    expect(
      await outcome(as(owner).task.update({ orgId, taskId: task.id, labelIds: [foreign.id] })),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(
        as(owner).task.bulkUpdate({ orgId, taskIds: [task.id], addLabelId: foreign.id }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(as(owner).label.update({ orgId, labelId: foreign.id, name: "Mine" })),
    ).toBe("NOT_FOUND");
    expect(await outcome(as(owner).label.delete({ orgId, labelId: foreign.id }))).toBe("NOT_FOUND");
    // Using the other organization's id in the input does not help a non-member either.
    expect(await outcome(as(owner).label.list({ orgId: other.orgId }))).toBe("NOT_FOUND");
    expect((await as(other.owner).label.list({ orgId: other.orgId }))[0]?.name).toBe("Theirs");
    // The same name may exist in both organizations.
    const same = await as(owner).label.create({ orgId, name: "Theirs" });
    expect(same.name).toBe("Theirs");
  });

  it("refuses bad input with a 4xx and changes nothing", async () => {
    const before = await as(owner).label.list({ orgId });
    const attempts = [
      () => as(owner).label.create({ orgId, name: "" }),
      () => as(owner).label.create({ orgId, name: "x".repeat(31) }),
      () => as(owner).label.create({ orgId, name: "a,b" }),
      () => as(owner).label.create({ orgId, name: "nul\u0000" }),
      () => as(owner).label.create({ orgId, name: "\ud800" }),
      // @ts-expect-error: not a colour of the palette
      () => as(owner).label.create({ orgId, name: "Neon", colour: "neon" }),
      () => as(owner).label.update({ orgId, labelId: "not-a-uuid", name: "x" }),
      () =>
        as(owner).task.create({
          orgId,
          projectId,
          title: "too many",
          labelIds: Array.from(
            { length: 11 },
            (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
          ),
        }),
      () => as(owner).task.list({ orgId, labelId: "bug" }),
    ];
    for (const attempt of attempts) expect(await outcome(attempt())).toBe("BAD_REQUEST");
    expect(await as(owner).label.list({ orgId })).toEqual(before);
  });

  it("lets members define and rename labels, admins delete them, viewers only read", async () => {
    const { orgId: org, users, owner: orgOwner } = await orgWith(["viewer", "member", "admin"]);
    const [viewer, member, admin] = users as [typeof owner, typeof owner, typeof owner];
    expect(await outcome(as(viewer).label.list({ orgId: org }))).toBe("ok");
    expect(await outcome(as(viewer).label.create({ orgId: org, name: "v" }))).toBe("FORBIDDEN");
    const made = await as(member).label.create({ orgId: org, name: "m" });
    expect(
      await outcome(as(member).label.update({ orgId: org, labelId: made.id, name: "mm" })),
    ).toBe("ok");
    expect(await outcome(as(member).label.delete({ orgId: org, labelId: made.id }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(as(admin).label.delete({ orgId: org, labelId: made.id }))).toBe("ok");
    expect(orgOwner).toBeDefined();
  });
});
