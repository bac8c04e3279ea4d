import { sql, type Database, type Transaction } from "@tesseract/db";
import { describe, expect, it } from "vitest";
import { as, services } from "./router-fixture.ts";
import { blockedOrDone, heldTransaction, untilWaiting, waitersOrDone } from "./lock-fixture.ts";
import { freshProject, labelIds, orgId, owner, useProductOrg } from "./product-fixture.ts";

useProductOrg();

// Two writers of the same rows at once: PostgreSQL may break a deadlock by rolling one of them
// back, or cancel a statement that waited too long. Neither is a bug in the request: the
// procedure runs its transaction again, or answers 409/503, never 500 (errors.ts,
// transact.ts). And every writer of tasks takes its projects' locks, in id order, before any
// task row, so a procedure never closes such a cycle itself (domain/column-lock.ts).

const lockProject = (trx: Transaction<Database>, id: string) =>
  trx.selectFrom("projects").select("id").where("id", "=", id).forNoKeyUpdate().execute();
const lockTask = (trx: Transaction<Database>, id: string) =>
  trx.selectFrom("tasks").select("id").where("id", "=", id).forUpdate().execute();

async function newTask(projectId: string, title = "task") {
  return as(owner).task.create({ orgId, projectId, title });
}

async function taskRow(id: string) {
  const row = await services.db
    .selectFrom("tasks")
    .select(["project_id", "status_id", "updated_at"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const labels = await services.db
    .selectFrom("task_labels")
    .select("label_id")
    .where("task_id", "=", id)
    .execute();
  return { ...row, labels: labels.map((label) => label.label_id) };
}

/** How a call was refused: its tRPC code and message. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (error: unknown) => error as { code?: string; message?: string },
  );
  return error && { code: error.code, message: error.message };
}

describe("concurrent writers", () => {
  it("runs a bulk change again when PostgreSQL rolls it back to break a deadlock", async () => {
    const projectId = await freshProject("DLK");
    const task = await newTask(projectId);
    const [label] = await labelIds("release");
    // `held` holds the project, so the bulk change waits there first; `other` holds the task,
    // and waits with a deadlock_timeout of its own long enough that it never breaks the cycle.
    const held = await heldTransaction();
    const other = await heldTransaction();
    await sql`set local deadlock_timeout = '10min'`.execute(other.trx);
    await lockProject(held.trx, projectId);
    await lockTask(other.trx, task.id);
    const bulk = as(owner).task.bulkUpdate({ orgId, taskIds: [task.id], addLabelId: label });
    expect(await waitersOrDone(held.pid, 1, bulk)).toHaveLength(1);
    const otherLocksProject = lockProject(other.trx, projectId);
    await untilWaiting(other.pid);
    // The bulk change gets the project first, then waits for the task `other` holds, while
    // `other` waits for the project: a cycle that PostgreSQL breaks by rolling the bulk change
    // back (40P01), which lets `other` have the project.
    await held.trx.commit().execute();
    await otherLocksProject;
    // The rolled-back run left nothing; the next one waits for `other`, then goes through.
    expect((await taskRow(task.id)).labels).toEqual([]);
    // (Had the bulk change ended instead, its answer says how.)
    if (!(await waitersOrDone(other.pid, 1, bulk))) await bulk;
    await other.trx.commit().execute();
    const { items } = await bulk;
    expect(items.map((item) => item.labels.map((l) => l.id))).toEqual([[label]]);
    expect((await taskRow(task.id)).labels).toEqual([label]);
  });

  it("answers 503, not 500, when a statement is cancelled (a statement_timeout), changing nothing", async () => {
    const projectId = await freshProject("CXL");
    const task = await newTask(projectId);
    const before = await taskRow(task.id);
    const held = await heldTransaction();
    await lockProject(held.trx, projectId);
    const bulk = as(owner).task.bulkUpdate({ orgId, taskIds: [task.id], status: "done" });
    const [waiter] = (await waitersOrDone(held.pid, 1, bulk)) ?? [];
    // What the pool's statement_timeout (30 s) does to a statement that waits too long, now:
    // query_canceled (57014).
    await sql`select pg_cancel_backend(${waiter!})`.execute(services.db);
    expect(await refusal(bulk)).toEqual({
      code: "SERVICE_UNAVAILABLE",
      message: "The database took too long to answer; try again shortly.",
    });
    await held.trx.rollback().execute();
    expect(await taskRow(task.id)).toEqual(before);
  });

  it("takes the project's lock before the tasks' rows for a bulk change of labels alone", async () => {
    const projectId = await freshProject("LBL");
    const task = await newTask(projectId);
    const [label] = await labelIds("release");
    // A create (or a sub-task's, which then locks the parent task's row) holds the project.
    const held = await heldTransaction();
    await lockProject(held.trx, projectId);
    const bulk = as(owner).task.bulkUpdate({ orgId, taskIds: [task.id], addLabelId: label });
    const state = await blockedOrDone(bulk);
    // While the bulk change waits for the project, it holds no task row.
    await sql`select id from tasks where id = ${task.id} for key share nowait`.execute(held.trx);
    await held.trx.commit().execute();
    await bulk;
    expect(state).toBe("blocked");
  });

  it("locks the project a task moved to meanwhile before the task's row, in order", async () => {
    const from = await freshProject("MVA");
    const to = await freshProject("MVB");
    const task = await newTask(from);
    const { id: toStatus } = await services.db
      .selectFrom("project_statuses")
      .select("id")
      .where("project_id", "=", to)
      .orderBy("position")
      .executeTakeFirstOrThrow();
    // `target` holds the project the task is about to move to, as a create there would.
    const target = await heldTransaction();
    await lockProject(target.trx, to);
    // `mover` moves the task there and holds the project it leaves.
    const mover = await heldTransaction();
    await mover.trx
      .updateTable("tasks")
      .set({ project_id: to, status_id: toStatus, number: 1_000 })
      .where("id", "=", task.id)
      .execute();
    await lockProject(mover.trx, from);
    // The bulk change read the task in its first project, and waits for that project's lock.
    const bulk = as(owner).task.bulkUpdate({ orgId, taskIds: [task.id], status: "done" });
    expect(await waitersOrDone(mover.pid, 1, bulk)).toHaveLength(1);
    await mover.trx.commit().execute();
    // Now it finds the task in the other project, and waits for that project's lock...
    expect(await waitersOrDone(target.pid, 1, bulk)).toHaveLength(1);
    // ...holding no task row: a sub-task created under the task meanwhile (which locks its
    // row after the project's) would otherwise wait for it, and it for the create: a deadlock.
    await sql`select id from tasks where id = ${task.id} for key share nowait`.execute(target.trx);
    await target.trx.commit().execute();
    const { items } = await bulk;
    expect(items.map((item) => [item.projectId, item.status])).toEqual([[to, "done"]]);
  });
});
