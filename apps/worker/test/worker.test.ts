import { createTestServices, type TestServices } from "@tesseract/api/testing";
import { freePort } from "@tesseract/config";
import { enqueue } from "@tesseract/queue";
import { servicesEnv, spawnServer, type ServerProcess } from "@tesseract/server/testing";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const workerDir = fileURLToPath(new URL("..", import.meta.url));
let services: TestServices;
const running: ServerProcess[] = [];

beforeAll(async () => {
  services = await createTestServices({}, { runJobs: false });
});
afterAll(async () => {
  await services.close();
});
afterEach(() => {
  for (const proc of running.splice(0)) proc.child.kill("SIGKILL");
});

function startWorker(env: Record<string, string>): ServerProcess {
  const proc = spawnServer("src/main.ts", env, workerDir);
  running.push(proc);
  return proc;
}

function workerEnv(extra: Record<string, string> = {}): Record<string, string> {
  return servicesEnv(services.config, { WORKER_HEALTH_PORT: "0", ...extra });
}

async function enqueueNoop(key: string, delayMs: number): Promise<number> {
  const id = await services.db
    .transaction()
    .execute((trx) =>
      enqueue(trx, { type: "noop", payload: { key, delayMs } }, { requestId: `req-${key}` }),
    );
  return id!;
}

const runsOf = (jobId: number) =>
  services.db
    .selectFrom("job_runs")
    .select(["status", "attempt"])
    .where("job_id", "=", jobId)
    .orderBy("id")
    .execute();

// Each test starts real Node processes: every step waits for the event it needs (a log line,
// a row, an exit); the per-test limit is only a backstop against a hang.
describe("apps/worker", { timeout: 120_000 }, () => {
  it("refuses to start on the embedded stand-ins, saying why", async () => {
    // Under `pnpm dev` on the embedded default it steps aside (exit 0); in production it fails.
    const dev = startWorker({ NODE_ENV: "development", DATA_DIR: "/nonexistent-never-created" });
    expect(await dev.exited).toMatchObject({ code: 0 });
    expect(dev.output()).toMatch(/API server runs the jobs itself/);
    const proc = startWorker({ NODE_ENV: "production", MAIL_TRANSPORT: "log" });
    const { code } = await proc.exited;
    expect(code).toBe(1);
    expect(proc.output()).toMatch(/runs only against real services/);
    expect(proc.output()).toMatch(/API server runs the jobs itself/);
  });

  it("serves job metrics on its internal listener", async () => {
    const [healthPort, metricsPort] = [await freePort(), await freePort()];
    const worker = startWorker(
      workerEnv({ WORKER_HEALTH_PORT: String(healthPort), METRICS_PORT: String(metricsPort) }),
    );
    const { healthUrl } = await worker.logged("tesseract worker ready");
    const jobId = await enqueueNoop("metrics", 0);
    await worker.logged("job succeeded", (entry) => entry.jobId === jobId);
    const text = await (await fetch(`${String(healthUrl)}/metrics`)).text();
    expect(text).toMatch(
      /tesseract_job_duration_seconds_count\{type="noop",status="succeeded"\} 1/,
    );
    expect(text).toMatch(/tesseract_queue_depth\{queue="dead_letter"\} \d+/);
    expect(text).toMatch(/tesseract_db_pool_connections\{state="total"\} \d+/);
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toMatchObject({ code: 0 });
  });

  it("on SIGTERM finishes the running job, logs its request id, and exits 0", async () => {
    const worker = startWorker(workerEnv({ WORKER_SHUTDOWN_TIMEOUT_MS: "60000" }));
    await worker.logged("tesseract worker ready");
    const jobId = await enqueueNoop("finish", 1_500);
    await expect
      .poll(() => runsOf(jobId), { timeout: 30_000 })
      .toMatchObject([{ status: "running" }]);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toMatchObject({ code: 0 });
    expect(await runsOf(jobId)).toMatchObject([{ status: "succeeded", attempt: 1 }]);
    const done = await worker.logged("job succeeded", (entry) => entry.jobId === jobId);
    expect(done).toMatchObject({ jobId, requestId: "req-finish", jobType: "noop" });
    // Deleted from the queue: nothing is left to receive.
    expect(await services.queue.receive({ waitSeconds: 1 })).toEqual([]);
  });

  it("on SIGTERM past its deadline hands the job back, and the next worker runs it", async () => {
    const first = startWorker(workerEnv({ WORKER_SHUTDOWN_TIMEOUT_MS: "200" }));
    await first.logged("tesseract worker ready");
    const jobId = await enqueueNoop("handback", 20_000);
    await expect
      .poll(() => runsOf(jobId), { timeout: 30_000 })
      .toMatchObject([{ status: "running" }]);
    first.child.kill("SIGTERM");
    expect(await first.exited).toMatchObject({ code: 1 });
    await expect.poll(() => runsOf(jobId)).toMatchObject([{ status: "released" }]);
    // Visible again at once: the next worker takes it (attempt 2, or 3 when the stopping
    // worker's open poll received it once more and handed it back too).
    const second = startWorker(workerEnv());
    await second.logged("tesseract worker ready");
    await expect
      .poll(() => runsOf(jobId), { timeout: 30_000 })
      .toMatchObject([{ status: "released" }, { status: "running" }]);
    second.child.kill("SIGKILL");
    await second.exited;
  });
});
