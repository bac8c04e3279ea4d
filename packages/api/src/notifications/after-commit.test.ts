import { describe, expect, it } from "vitest";
import { createTask } from "../domain/tasks.ts";
import { emailJobsFor, notifiedOrg, rowsFor } from "../router/notification-fixture.ts";
import { services, useServices } from "../router/router-fixture.ts";
import { personStream } from "../live/publish.ts";
import { transactWithNotifications, type NotificationSink } from "./after-commit.ts";

useServices();

/** The events on a person's own live stream (live.me), as published. */
async function personalEvents(personId: string) {
  const page = await services.live.bus.since(personStream(personId), "0-0", 100);
  return page.entries.map(
    (entry) => JSON.parse(entry.payload) as { json: Record<string, unknown> },
  );
}

const newTask = (projectId: string, assigneeId: string) => ({
  projectId,
  title: "Assigned",
  description: "",
  status: "todo" as const,
  priority: "none",
  assigneeId,
  dueDate: null,
  labelIds: [],
});

describe("notifications written with the change", () => {
  it("a committed change reports whom it told, by organization", async () => {
    const { owner, orgId, projectId, ann } = await notifiedOrg();
    const told: [string, string[]][] = [];
    const task = await transactWithNotifications(services, (trx, sink) => {
      const spy: NotificationSink = {
        created(org, ids) {
          const people = [...ids];
          told.push([org, people]);
          sink.created(org, people);
        },
      };
      return createTask(
        trx,
        orgId,
        { orgId, actorUserId: owner.id },
        newTask(projectId, ann.id),
        spy,
      );
    });
    expect(task.assigneeId).toBe(ann.id);
    expect(told).toEqual([[orgId, [ann.id]]]);
    const rows = await rowsFor(ann);
    expect(rows).toHaveLength(1);
    expect(await emailJobsFor(rows.map((r) => r.id))).toHaveLength(1);
    // Only after the commit: the person's bell hears of it with their unread count.
    expect((await personalEvents(ann.id)).map((event) => event.json)).toMatchObject([
      { type: "notification.created", orgId, personId: ann.id, unread: 1 },
    ]);
  });

  it("a rolled-back change leaves no notification and no email job", async () => {
    const { owner, orgId, projectId, ann } = await notifiedOrg();
    const emailJobs = () =>
      services.db
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("type", "=", "notification.email")
        .executeTakeFirstOrThrow();
    const before = await emailJobs();
    await expect(
      transactWithNotifications(services, async (trx, sink) => {
        await createTask(
          trx,
          orgId,
          { orgId, actorUserId: owner.id },
          newTask(projectId, ann.id),
          sink,
        );
        throw new Error("the change failed after notifying");
      }),
    ).rejects.toThrow("the change failed after notifying");
    expect(await rowsFor(ann)).toEqual([]);
    expect(await emailJobs()).toEqual(before);
    expect(await personalEvents(ann.id)).toEqual([]);
  });
});
