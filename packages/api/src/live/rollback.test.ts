import { randomUUID } from "node:crypto";
import { sql } from "@tesseract/db";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { orgId, owner, projectId, useProductOrg } from "../router/product-fixture.ts";
import { as, services } from "../router/router-fixture.ts";
import { createTestCaller } from "../testing.ts";
import { recordPublished, type PublishedEvent } from "./published-fixture.ts";

useProductOrg();

/**
 * A change whose transaction rolls back is never announced. The failure is real: while a test
 * asks for it, a trigger refuses the activity row that a task or comment change writes in its
 * transaction after the task or comment row itself, so PostgreSQL undoes writes already made.
 */
beforeAll(async () => {
  await sql`
    create function refuse_activity() returns trigger language plpgsql as $$
    begin raise exception 'activity refused for the test'; end $$`.execute(services.db);
  await sql`create trigger refuse_activity before insert on activity
    for each row execute function refuse_activity()`.execute(services.db);
  await sql`alter table activity disable trigger refuse_activity`.execute(services.db);
});

/** Runs `work` while every activity row, and so every change that writes one, is refused. */
async function whileActivityFails(work: () => Promise<void>): Promise<void> {
  await sql`alter table activity enable trigger refuse_activity`.execute(services.db);
  try {
    await work();
  } finally {
    await sql`alter table activity disable trigger refuse_activity`.execute(services.db);
  }
}

let recording: ReturnType<typeof recordPublished> | undefined;
/** The events published from now until the test ends. */
function recordPublishes(): PublishedEvent[] {
  recording = recordPublished(services);
  return recording.published;
}

afterEach(() => {
  recording?.restore();
  recording = undefined;
});

const keyed = () =>
  createTestCaller(services, {
    headers: { cookie: owner.cookie, "idempotency-key": randomUUID() },
  });

async function count(table: "tasks" | "comments", column: "title" | "body", value: string) {
  const rows = await services.db
    .selectFrom(table)
    .select("id")
    .where("org_id", "=", orgId)
    .where(column, "=", value)
    .execute();
  return rows.length;
}

describe("a rolled-back change publishes no event", () => {
  it("task.create, with and without an Idempotency-Key", async () => {
    const published = recordPublishes();
    const title = "Rolled-back task";
    await whileActivityFails(async () => {
      await expect(as(owner).task.create({ orgId, projectId, title })).rejects.toThrow();
      await expect(keyed().task.create({ orgId, projectId, title })).rejects.toThrow();
    });
    expect(await count("tasks", "title", title)).toBe(0);
    expect(published).toEqual([]);
    // The same path announces a change that commits.
    await as(owner).task.create({ orgId, projectId, title: "Committed task" });
    expect(
      published.some(({ event }) => "task" in event && event.task.title === "Committed task"),
    ).toBe(true);
  });

  it("task.update and task.move", async () => {
    const task = await as(owner).task.create({ orgId, projectId, title: "Unchanged" });
    const published = recordPublishes();
    await whileActivityFails(async () => {
      await expect(
        as(owner).task.update({ orgId, taskId: task.id, title: "Rolled-back title" }),
      ).rejects.toThrow();
      await expect(
        as(owner).task.move({ orgId, taskId: task.id, status: "done" }),
      ).rejects.toThrow();
    });
    const row = await services.db
      .selectFrom("tasks")
      .select(["title", "status"])
      .where("id", "=", task.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Unchanged", status: task.status });
    expect(published).toEqual([]);
  });

  it("comment.create, with and without an Idempotency-Key", async () => {
    const task = await as(owner).task.create({ orgId, projectId, title: "Commented on" });
    const published = recordPublishes();
    const body = "Rolled-back comment";
    await whileActivityFails(async () => {
      await expect(as(owner).comment.create({ orgId, taskId: task.id, body })).rejects.toThrow();
      await expect(keyed().comment.create({ orgId, taskId: task.id, body })).rejects.toThrow();
    });
    expect(await count("comments", "body", body)).toBe(0);
    expect(published).toEqual([]);
    await as(owner).comment.create({ orgId, taskId: task.id, body: "Committed comment" });
    expect(
      published.some(
        ({ event }) => "comment" in event && event.comment.body === "Committed comment",
      ),
    ).toBe(true);
  });
});
