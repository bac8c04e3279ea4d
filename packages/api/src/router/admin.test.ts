import { silentLogger } from "@tesseract/config";
import { createConsumer, onlyHandlers, type Envelope } from "@tesseract/queue";
import { describe, expect, it } from "vitest";
import { grantPlatformAdmin } from "../domain/platform-admins.ts";
import { insertTestUser } from "../testing.ts";
import { as, services, useServices } from "./router-fixture.ts";

// This file runs a consumer of its own on the job queue.
useServices({}, { runJobs: false });

async function admin() {
  const user = await insertTestUser(services, "Operator");
  await grantPlatformAdmin(services.db, user.email);
  return user;
}

async function job(type: string, sent: boolean) {
  const row = await services.db
    .insertInto("outbox")
    .values({ type, payload: { secret: "reset-link" }, sent_at: sent ? new Date() : null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function run(jobId: number, attempt: number, status: string, error: string | null = null) {
  await services.db
    .insertInto("job_runs")
    .values({ job_id: jobId, type: "noop", attempt, status, error, finished_at: new Date() })
    .execute();
}

/** Polls `probe` until it returns a value (the consumer works in the background). */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("admin.jobs", () => {
  it("lists recent jobs with their runs, by state and type, page by page; no payloads", async () => {
    const operator = await admin();
    const retried = await job("noop", true);
    await run(retried, 1, "failed", "boom");
    await run(retried, 2, "succeeded");
    const failing = await job("mail.send", true);
    await run(failing, 1, "failed", "smtp down");
    const pending = await job("noop", false);

    const all = await as(operator).admin.jobs.list({ limit: 2 });
    expect(all.jobs.map((j) => [j.id, j.state])).toEqual([
      [pending, "pending"],
      [failing, "failed"],
    ]);
    expect(all.nextCursor).toBe(failing);
    const next = await as(operator).admin.jobs.list({ limit: 2, cursor: all.nextCursor! });
    expect(next.jobs[0]).toMatchObject({ id: retried, state: "succeeded" });
    expect(next.jobs[0]!.runs.map((r) => [r.attempt, r.status, r.error])).toEqual([
      [2, "succeeded", null],
      [1, "failed", "boom"],
    ]);
    expect(JSON.stringify([all, next])).not.toContain("reset-link");

    const failed = await as(operator).admin.jobs.failed({});
    expect(failed.jobs.map((j) => j.id)).toEqual([failing]);
    const mail = await as(operator).admin.jobs.list({ type: "mail.send" });
    expect(mail.jobs.map((j) => j.id)).toEqual([failing]);
    const succeeded = await as(operator).admin.jobs.list({ state: "succeeded" });
    expect(succeeded.jobs.map((j) => j.id)).toEqual([retried]);
  });

  it("refuses people who are not platform admins, and bad input", async () => {
    const person = await insertTestUser(services, "Person");
    await expect(as(person).admin.jobs.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(person).admin.deadLetters.retry({ all: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const operator = await admin();
    for (const input of [{ limit: 0 }, { cursor: -1 }, { state: "exploded" }, { type: "a\u0000" }])
      await expect(as(operator).admin.jobs.list(input as never)).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    await expect(
      as(operator).admin.deadLetters.retry({ messageId: "not-there" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("admin.deadLetters", () => {
  it("poison messages reach the dead-letter queue, are listed, and retried one or all", async () => {
    const operator = await admin();
    const envelopes: Envelope[] = [987_654, 987_655].map((id) => ({
      id,
      type: "noop",
      payload: { key: `poison-${id}` },
      requestId: `req-${id}`,
      enqueuedAt: new Date().toISOString(),
    }));
    const bodies = envelopes.map((e) => JSON.stringify(e));
    for (const body of bodies) await services.queue.send(body);
    let poisoned = true;
    const consumer = createConsumer({
      queue: services.queue,
      db: services.db,
      logger: silentLogger,
      handlers: onlyHandlers({
        noop: () => (poisoned ? Promise.reject(new Error("poison")) : Promise.resolve()),
      }),
      waitSeconds: 1,
      retryDelaySeconds: () => 0,
    });
    consumer.start();
    const succeeded = (jobId: number) =>
      eventually(async () => {
        const row = await services.db
          .selectFrom("job_runs")
          .select("attempt")
          .where("job_id", "=", jobId)
          .where("status", "=", "succeeded")
          .executeTakeFirst();
        return row ?? undefined;
      });
    try {
      const listed = await eventually(async () => {
        const { messages } = await as(operator).admin.deadLetters.list();
        return messages.length === 2 ? messages : undefined;
      });
      const [first, second] = envelopes.map((e) => listed.find((m) => m.jobId === e.id)!);
      expect(first).toMatchObject({ type: "noop", requestId: "req-987654", preview: null });
      expect(first!.receiveCount).toBeGreaterThanOrEqual(5);
      // Looking did not consume them.
      expect((await as(operator).admin.deadLetters.list()).messages).toHaveLength(2);

      // The cause is fixed; an operator replays one, then the rest.
      poisoned = false;
      expect(await as(operator).admin.deadLetters.retry({ messageId: first!.messageId })).toEqual({
        moved: 1,
      });
      expect(await succeeded(envelopes[0]!.id)).toEqual({ attempt: 1 });
      expect((await as(operator).admin.deadLetters.list()).messages.map((m) => m.jobId)).toEqual([
        second!.jobId,
      ]);
      expect(await as(operator).admin.deadLetters.retry({ all: true })).toEqual({ moved: 1 });
      expect(await succeeded(envelopes[1]!.id)).toEqual({ attempt: 1 });
      expect((await as(operator).admin.deadLetters.list()).messages).toEqual([]);
    } finally {
      await consumer.stop(0);
    }
  }, 90_000);
});
