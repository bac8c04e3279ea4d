import { describe, expect, it } from "vitest";
import { as, services, useServices } from "./router-fixture.ts";
import { emailJobsFor, mention, notifiedOrg, rowsFor } from "./notification-fixture.ts";

useServices({ RATE_LIMIT_WRITES_PER_MINUTE: "100000", RATE_LIMIT_READS_PER_MINUTE: "100000" });

describe("the inbox", () => {
  it("pages newest first, counts unread, marks read one by one or all at once", async () => {
    const { owner, orgId, projectId, ann } = await notifiedOrg();
    for (const title of ["One", "Two", "Three"])
      await as(owner).task.create({ orgId, projectId, title, assigneeId: ann.id });
    const me = as(ann).notification;
    expect(await me.unreadCount({ orgId })).toEqual({ unread: 3 });
    const first = await me.list({ orgId, limit: 2 });
    expect(first.items.map((n) => n.taskTitle)).toEqual(["Three", "Two"]);
    expect(first.items[0]).toMatchObject({
      kind: "assigned",
      taskKey: "NTF-3",
      actorName: "Owner",
      readAt: null,
    });
    const second = await me.list({ orgId, limit: 2, cursor: first.nextCursor });
    expect(second.items.map((n) => n.taskTitle)).toEqual(["One"]);
    expect(second.nextCursor).toBeNull();
    expect(await me.markRead({ orgId, notificationIds: [first.items[0]!.id] })).toEqual({
      updated: 1,
    });
    expect(await me.unreadCount({ orgId })).toEqual({ unread: 2 });
    expect((await me.list({ orgId, unreadOnly: true })).items.map((n) => n.taskTitle)).toEqual([
      "Two",
      "One",
    ]);
    expect(await me.markAllRead({ orgId })).toEqual({ updated: 2 });
    expect(await me.unreadCount({ orgId })).toEqual({ unread: 0 });
    await expect(me.list({ orgId, cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("is a person's own: another member or organization can neither read nor mark it", async () => {
    const { owner, orgId, projectId, ann, bob, outsider, elsewhereId } = await notifiedOrg();
    await as(owner).task.create({ orgId, projectId, title: "Private", assigneeId: ann.id });
    const [notice] = await rowsFor(ann);
    expect((await as(bob).notification.list({ orgId })).items).toEqual([]);
    expect(await as(bob).notification.markRead({ orgId, notificationIds: [notice!.id] })).toEqual({
      updated: 0,
    });
    await expect(as(outsider).notification.list({ orgId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await as(outsider).notification.markRead({
        orgId: elsewhereId,
        notificationIds: [notice!.id],
      }),
    ).toEqual({ updated: 0 });
    expect(await as(ann).notification.unreadCount({ orgId })).toEqual({ unread: 1 });
    await expect(as(ann).notification.unreadCount({ orgId: elsewhereId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("email", () => {
  it("is enqueued through the job queue and arrives with what happened and a link", async () => {
    const { owner, orgId, projectId, ann } = await notifiedOrg();
    const task = await as(owner).task.create({ orgId, projectId, title: "Ship it" });
    await as(owner).comment.create({
      orgId,
      taskId: task.id,
      body: `${mention(ann)} can you review?`,
    });
    const [notice] = await rowsFor(ann);
    expect(await emailJobsFor([notice!.id])).toHaveLength(1);
    const mail = await services.mail.waitFor((m) => m.to === ann.email);
    expect(mail.subject).toBe("Owner mentioned you on NTF-1: Ship it");
    expect(mail.text).toContain("> @");
    expect(mail.text).toContain(`${services.config.server.publicUrl}/orgs/${orgId}/tasks/NTF-1`);
  });

  it("respects each person's settings, kind by kind", async () => {
    const { owner, orgId, projectId, ann } = await notifiedOrg();
    expect(await as(ann).notification.settings()).toEqual({
      emailAssigned: true,
      emailMentioned: true,
      emailCommented: true,
    });
    expect(await as(ann).notification.updateSettings({ emailMentioned: false })).toEqual({
      emailAssigned: true,
      emailMentioned: false,
      emailCommented: true,
    });
    await as(ann).notification.updateSettings({ emailCommented: false });
    expect(await as(ann).notification.settings()).toMatchObject({
      emailMentioned: false,
      emailCommented: false,
    });
    const task = await as(owner).task.create({
      orgId,
      projectId,
      title: "Quiet",
      description: mention(ann),
    });
    await as(owner).task.update({ orgId, taskId: task.id, assigneeId: ann.id });
    await as(owner).comment.create({ orgId, taskId: task.id, body: "A comment" });
    const rows = await rowsFor(ann);
    expect(rows.map((r) => r.kind).sort()).toEqual(["assigned", "commented", "mentioned"]);
    const jobs = await emailJobsFor(rows.map((r) => r.id));
    const assigned = rows.find((r) => r.kind === "assigned")!;
    expect(jobs.map((j) => (j.payload as { notificationId: string }).notificationId)).toEqual([
      assigned.id,
    ]);
    await expect(as(ann).notification.updateSettings({})).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
