import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "./outbox.ts";
import { requeueForgottenJobs } from "./recovery.ts";
import { startQueueHarness, type QueueHarness } from "./testing.ts";

let h: QueueHarness;
beforeAll(async () => {
  h = await startQueueHarness();
});
afterAll(async () => {
  await h.close();
});

describe("requeueForgottenJobs", () => {
  it("puts back relayed jobs that never succeeded and have attempts left, and only those", async () => {
    const db = h.database.db;
    const ids = await db.transaction().execute(async (trx) => {
      const out: number[] = [];
      for (const key of ["done", "dead", "retrying", "lost"]) {
        out.push((await enqueue(trx, { type: "noop", payload: { key } }))!);
      }
      return out;
    });
    const [done, dead, retrying, lost] = ids as [number, number, number, number];
    await db.updateTable("outbox").set({ sent_at: new Date() }).execute();
    const run = (jobId: number, attempt: number, status: "succeeded" | "failed") => ({
      job_id: jobId,
      type: "noop",
      attempt,
      status,
    });
    await db
      .insertInto("job_runs")
      .values([
        run(done, 1, "failed"),
        run(done, 2, "succeeded"),
        run(dead, 1, "failed"),
        run(dead, 2, "failed"),
        run(dead, 3, "failed"),
        run(retrying, 1, "failed"),
      ])
      .execute();

    expect(await requeueForgottenJobs(db, 3)).toBe(2);
    const pending = await db
      .selectFrom("outbox")
      .select("id")
      .where("sent_at", "is", null)
      .orderBy("id")
      .execute();
    expect(pending.map((row) => row.id)).toEqual([retrying, lost]);
    // Nothing more to put back: a second start changes nothing until the relay sends them.
    await db.updateTable("outbox").set({ sent_at: new Date() }).where("id", "=", lost).execute();
    expect(await requeueForgottenJobs(db, 3)).toBe(1);
  });
});
