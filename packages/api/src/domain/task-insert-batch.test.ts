import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { sql } from "@tesseract/db";
import { createTestDatabase, type TestDatabase } from "@tesseract/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTaskQueued } from "./task-insert-batch.ts";
import type { TaskInsert } from "./task-insert.ts";

let database: TestDatabase;
let orgId: string;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  userId = (
    await db
      .insertInto("users")
      .values({ email: "batch@example.test", name: "Batch", password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  orgId = (
    await db
      .insertInto("organizations")
      .values({ name: "Batches", slug: "batches" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await database.drop();
});

async function project(key: string): Promise<string> {
  return (
    await database.db
      .insertInto("projects")
      .values({ org_id: orgId, key, name: key })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

function task(projectId: string, title: string, extra: Partial<TaskInsert> = {}): TaskInsert {
  return {
    id: randomUUID(),
    orgId,
    projectId,
    title,
    description: "",
    status: { category: "backlog" },
    priority: "none",
    assigneeId: null,
    dueDate: null,
    parentId: null,
    activity: { actorUserId: userId, ip: "127.0.0.1", userAgent: "test" },
    data: { title },
    ...extra,
  };
}

/** The creates issued in one turn: the first goes alone, the others wait and go together. */
function createTogether(tasks: TaskInsert[]) {
  return Promise.allSettled(tasks.map((t) => insertTaskQueued(database.db, t)));
}

const nextNumber = async (projectId: string) =>
  (
    await database.db
      .selectFrom("projects")
      .select("next_task_number")
      .where("id", "=", projectId)
      .executeTakeFirstOrThrow()
  ).next_task_number;

describe("insertTaskQueued", () => {
  it("sends the creates that arrive while one is under way in one statement, numbered and appended in order", async () => {
    const id = await project("BAT");
    const results = await createTogether(
      Array.from({ length: 12 }, (_, i) => task(id, `Task ${i}`)),
    );
    const rows = results.map((r) => (r.status === "fulfilled" ? r.value : undefined));
    expect(rows.map((row) => row?.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rows.map((row) => row?.key)).toEqual(rows.map((_, i) => `BAT-${i + 1}`));
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.position > rows[i - 1]!.position).toBe(true);
    // One statement for the eleven that waited, but each task dated when it was made: sorted
    // by creation time (to the microsecond, as task.list sorts), they come in number order.
    const byCreation = await database.db
      .selectFrom("tasks")
      .select(["number", sql<string>`created_at::text`.as("createdAt")])
      .where("project_id", "=", id)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    expect(byCreation.map((row) => row.number)).toEqual(rows.map((row) => row!.number));
    expect(new Set(byCreation.map((row) => row.createdAt)).size).toBe(rows.length);
    // Each activity row is dated as its task.
    const activity = await database.db
      .selectFrom("activity as a")
      .innerJoin("tasks as t", (join) => join.on(sql<boolean>`t.id::text = a.target_id`))
      .select([
        "a.data",
        sql<string>`a.created_at::text`.as("logged"),
        sql<string>`t.created_at::text`.as("created"),
      ])
      .where("a.project_id", "=", id)
      .where("a.action", "=", "task.created")
      .orderBy("a.id")
      .execute();
    expect(activity.map((row) => (row.data as { key: string }).key)).toEqual(
      rows.map((row) => row!.key),
    );
    for (const row of activity) expect(row.logged).toBe(row.created);
  });

  it("refuses a create of the batch alone, taking no number for it", async () => {
    const id = await project("REF");
    const other = await database.db
      .selectFrom("project_statuses")
      .select("id")
      .where("project_id", "=", await project("REO"))
      .executeTakeFirstOrThrow();
    const results = await createTogether([
      task(id, "one"),
      task(id, "two"),
      task(id, "refused", { status: { id: other.id } }),
      task(id, "three"),
    ]);
    expect(results[2]).toMatchObject({
      status: "rejected",
      reason: {
        code: "BAD_REQUEST",
        message: "That status is not one of this project's statuses",
      },
    });
    expect(results.map((r) => (r.status === "fulfilled" ? r.value.title : null))).toEqual([
      "one",
      "two",
      null,
      "three",
    ]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value.number : null))).toEqual([
      1,
      2,
      null,
      3,
    ]);
    expect(await nextNumber(id)).toBe(4);
  });

  it("runs each create alone when the batch's statement fails, so only the faulty one fails", async () => {
    const id = await project("FLT");
    const results = await createTogether([
      task(id, "one"),
      task(id, "two"),
      // No such person: the tasks' created_by reference fails the whole statement.
      task(id, "faulty", { activity: { actorUserId: randomUUID() } }),
      task(id, "three"),
    ]);
    expect(results[2]).toMatchObject({ status: "rejected", reason: { code: "23503" } });
    expect(results.map((r) => (r.status === "fulfilled" ? r.value.number : null))).toEqual([
      1,
      2,
      null,
      3,
    ]);
    expect(await nextNumber(id)).toBe(4);
  });

  it("refuses every create of an archived project, writing nothing", async () => {
    const id = await project("ARB");
    await database.db
      .updateTable("projects")
      .set({ archived_at: new Date() })
      .where("id", "=", id)
      .execute();
    const results = await createTogether([task(id, "a"), task(id, "b"), task(id, "c")]);
    for (const result of results)
      expect(result).toMatchObject({ status: "rejected", reason: { code: "NOT_FOUND" } });
    expect(await nextNumber(id)).toBe(1);
  });
});

describe("the async context of a batch's statement", () => {
  it("is the context of the batch's first create, not of the request that started the queue", async () => {
    // Spans and log fields follow the async context: a batch drained after the first request
    // answered must not be recorded as that request's work.
    const request = new AsyncLocalStorage<string>();
    const ranIn: (string | undefined)[] = [];
    const db = database.db.withPlugin({
      transformQuery: ({ node }) => node,
      transformResult: ({ result }) => {
        ranIn.push(request.getStore());
        return Promise.resolve(result);
      },
    });
    const projectId = await project("CTX");
    // r1 goes alone; r2–r4 arrive while it is at work and go together after it.
    await Promise.all(
      ["r1", "r2", "r3", "r4"].map((name) =>
        request.run(name, () => insertTaskQueued(db, task(projectId, name))),
      ),
    );
    expect(ranIn).toEqual(["r1", "r2"]);
  });
});
