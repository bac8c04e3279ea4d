import { describe, expect, it } from "vitest";
import { as, useServices } from "./router-fixture.ts";
import { inboxOf, mention, notifiedOrg, rowsFor } from "./notification-fixture.ts";

useServices({ RATE_LIMIT_WRITES_PER_MINUTE: "100000", RATE_LIMIT_READS_PER_MINUTE: "100000" });

describe("assignment", () => {
  it("tells the assignee, never someone who assigns to themselves", async () => {
    const { owner, orgId, projectId, ann, bob, cat } = await notifiedOrg();
    const task = await as(owner).task.create({
      orgId,
      projectId,
      title: "Fix login",
      assigneeId: ann.id,
    });
    expect(await inboxOf(ann, orgId)).toEqual([["assigned", "Fix login"]]);
    await as(owner).task.create({ orgId, projectId, title: "Mine", assigneeId: owner.id });
    await as(bob).task.update({ orgId, taskId: task.id, assigneeId: bob.id });
    expect(await inboxOf(owner, orgId)).toEqual([]);
    expect(await inboxOf(bob, orgId)).toEqual([]);
    await as(owner).task.update({ orgId, taskId: task.id, assigneeId: cat.id });
    expect(await inboxOf(cat, orgId)).toEqual([["assigned", "Fix login"]]);
    // Other edits, or the same assignee again, tell no one.
    await as(owner).task.update({ orgId, taskId: task.id, title: "Fix login", priority: "high" });
    await as(owner).task.update({ orgId, taskId: task.id, assigneeId: cat.id });
    expect(await inboxOf(cat, orgId)).toEqual([["assigned", "Fix login"]]);
  });
});

describe("mentions in a task description", () => {
  it("tell members of this organization only, and an edit tells only the newly mentioned", async () => {
    const { owner, orgId, projectId, ann, bob, outsider } = await notifiedOrg();
    const task = await as(owner).task.create({
      orgId,
      projectId,
      title: "Plan",
      description: `Ask ${mention(ann)} and ${mention(outsider)}; ${mention(owner)} decides.`,
    });
    expect(await inboxOf(ann, orgId)).toEqual([["mentioned", "Plan"]]);
    expect(await rowsFor(outsider)).toEqual([]);
    expect(await inboxOf(owner, orgId)).toEqual([]);
    await as(owner).task.update({
      orgId,
      taskId: task.id,
      description: `Ask ${mention(ann)}, ${mention(outsider)} and ${mention(bob).toUpperCase()}.`,
    });
    expect(await inboxOf(ann, orgId)).toEqual([["mentioned", "Plan"]]);
    expect(await inboxOf(bob, orgId)).toEqual([["mentioned", "Plan"]]);
    expect(await rowsFor(outsider)).toEqual([]);
  });

  it("ignores a plain email address and a member named in another organization's task", async () => {
    const { owner, orgId, projectId, ann, outsider, elsewhereId } = await notifiedOrg();
    await as(owner).task.create({
      orgId,
      projectId,
      title: "Mail",
      description: `Write to ${ann.email}`,
    });
    expect(await inboxOf(ann, orgId)).toEqual([]);
    // The outsider's organization mentions a member of ours: she is not theirs, nothing is made.
    const theirs = await as(outsider).project.create({ orgId: elsewhereId, name: "X", key: "XX" });
    await as(outsider).task.create({
      orgId: elsewhereId,
      projectId: theirs.id,
      title: "Poke",
      description: `Hi ${mention(ann)}`,
    });
    expect(await rowsFor(ann)).toHaveLength(0);
  });
});

describe("comments", () => {
  it("tell the creator, the assignee and the watchers, never the commenter", async () => {
    const { owner, orgId, projectId, ann, bob, cat } = await notifiedOrg();
    const task = await as(owner).task.create({
      orgId,
      projectId,
      title: "Talk",
      assigneeId: ann.id,
    });
    await as(cat).watch.watch({ orgId, taskId: task.id });
    await as(bob).comment.create({ orgId, taskId: task.id, body: "First thoughts" });
    expect(await inboxOf(owner, orgId)).toEqual([["commented", "Talk"]]);
    expect(await inboxOf(ann, orgId)).toEqual([
      ["assigned", "Talk"],
      ["commented", "Talk"],
    ]);
    expect(await inboxOf(cat, orgId)).toEqual([["commented", "Talk"]]);
    expect(await inboxOf(bob, orgId)).toEqual([]);
    // The commenter now watches: the owner's reply reaches bob, and not the owner.
    await as(owner).comment.create({ orgId, taskId: task.id, body: "Thanks" });
    expect(await inboxOf(bob, orgId)).toEqual([["commented", "Talk"]]);
    expect(await inboxOf(owner, orgId)).toEqual([["commented", "Talk"]]);
  });

  it("stop after unwatch, and reach someone who is not following only when mentioned", async () => {
    const { owner, orgId, projectId, ann, bob, cat } = await notifiedOrg();
    const task = await as(owner).task.create({ orgId, projectId, title: "Quiet" });
    expect(await as(owner).watch.status({ orgId, taskId: task.id })).toEqual({ watching: true });
    expect(await as(owner).watch.unwatch({ orgId, taskId: task.id })).toEqual({ watching: false });
    expect(await as(owner).watch.status({ orgId, taskId: task.id })).toEqual({ watching: false });
    await as(ann).comment.create({ orgId, taskId: task.id, body: "Anyone?" });
    expect(await inboxOf(owner, orgId)).toEqual([]);
    expect(await inboxOf(cat, orgId)).toEqual([]);
    // A mention of a follower is one notice, a mention.
    await as(bob).comment.create({
      orgId,
      taskId: task.id,
      body: `${mention(ann)} ${mention(cat)} have a look`,
    });
    expect(await inboxOf(ann, orgId)).toEqual([["mentioned", "Quiet"]]);
    expect(await inboxOf(cat, orgId)).toEqual([["mentioned", "Quiet"]]);
  });

  it("edited: tell only the people mentioned for the first time", async () => {
    const { owner, orgId, projectId, ann, bob, cat } = await notifiedOrg();
    const task = await as(owner).task.create({ orgId, projectId, title: "Edits" });
    await as(owner).watch.unwatch({ orgId, taskId: task.id });
    const comment = await as(ann).comment.create({
      orgId,
      taskId: task.id,
      body: `${mention(bob)}?`,
    });
    await as(ann).comment.update({
      orgId,
      commentId: comment.id,
      body: `${mention(bob)} and ${mention(cat)}?`,
    });
    expect(await inboxOf(bob, orgId)).toEqual([["mentioned", "Edits"]]);
    expect(await inboxOf(cat, orgId)).toEqual([["mentioned", "Edits"]]);
  });

  it("a member who left is told nothing more about the tasks they followed", async () => {
    const { owner, orgId, projectId, ann } = await notifiedOrg();
    const task = await as(ann).task.create({ orgId, projectId, title: "Left behind" });
    await as(ann).member.leave({ orgId });
    await as(owner).comment.create({ orgId, taskId: task.id, body: `Bye ${mention(ann)}` });
    expect(await rowsFor(ann)).toEqual([]);
  });
});
