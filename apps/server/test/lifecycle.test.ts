import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestServices, type TestServices } from "@tesseract/api/testing";
import { createTesseractClient } from "@tesseract/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type ServerProcess } from "./process.ts";

let services: TestServices;
const running: ServerProcess[] = [];
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(async () => {
  for (const server of running) server.child.kill("SIGKILL");
  await services.close();
});

function servicesEnv(extra: Record<string, string> = {}): Record<string, string> {
  const { config } = services;
  return {
    NODE_ENV: "test",
    PORT: "0",
    DATABASE_URL: config.database.url!,
    REDIS_URL: config.redis.url!,
    REDIS_KEY_PREFIX: config.redis.keyPrefix,
    AWS_ENDPOINT_URL: config.aws.endpoint!,
    S3_BUCKET: config.aws.bucket,
    SQS_QUEUE_NAME: config.aws.queueName,
    ...extra,
  };
}

function start(script: string, env: Record<string, string>): ServerProcess {
  const server = spawnServer(script, env);
  running.push(server);
  return server;
}

/** Resolves once the server reports the slow request in flight (besides this metrics request). */
async function untilInFlight(base: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const text = await (await fetch(`${base}/metrics`)).text();
        return Number(/tesseract_http_requests_in_flight (\d+)/.exec(text)?.[1] ?? 0);
      },
      { timeout: 30_000, interval: 50 },
    )
    .toBeGreaterThanOrEqual(2);
}

const slowUrl = (base: string, ms: number) =>
  `${base}/trpc/probe.slow?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ ms })))}`;

// Each test starts a real Node process: on a loaded machine that alone can take many seconds.
describe("graceful shutdown", { timeout: 90_000 }, () => {
  it("on SIGTERM stops accepting, finishes the in-flight request, and exits 0", async () => {
    const server = start("test/fixtures/probe-server.ts", servicesEnv());
    const url = await server.ready;
    const inFlight = fetch(slowUrl(url, 4_000));
    await untilInFlight(url);
    server.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 200));
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('"sleptMs":4000');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"drained":true');
  });

  it("cuts off a request that outlives the deadline and exits 1", async () => {
    const server = start(
      "test/fixtures/probe-server.ts",
      servicesEnv({ API_SHUTDOWN_TIMEOUT_MS: "300" }),
    );
    const url = await server.ready;
    const inFlight = fetch(slowUrl(url, 5_000)).then(
      (res) => res.status,
      () => "cut off",
    );
    await untilInFlight(url);
    server.child.kill("SIGTERM");
    expect(await inFlight).toBe("cut off");
    expect((await server.exited).code).toBe(1);
  });
});

describe("start-up", { timeout: 90_000 }, () => {
  it("stops with one message naming every bad variable", async () => {
    const server = start("src/main.ts", {
      PORT: "eighty",
      DATABASE_URL: "nope",
      NODE_ENV: "production",
    });
    const { code } = await server.exited;
    expect(code).toBe(1);
    const output = server.output();
    expect(output).toContain("Invalid configuration");
    expect(output).toContain("PORT");
    expect(output).toContain("DATABASE_URL");
    expect(output).not.toContain("    at "); // a message, not a stack trace
  });

  it("stops in production on real services when email has nowhere to go", async () => {
    const server = start("src/main.ts", servicesEnv({ NODE_ENV: "production" }));
    expect((await server.exited).code).toBe(1);
    const output = server.output();
    expect(output).toContain("SMTP_URL: required in production on real services");
    expect(output).toContain("MAIL_TRANSPORT=log");
    expect(output).not.toContain("    at ");
  });

  it(
    "boots the embedded mode with nothing installed and answers health",
    { timeout: 90_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "tesseract-embedded-"));
      try {
        const server = start("src/main.ts", {
          DATA_DIR: dataDir,
          PORT: "0",
          EMULATOR_PORT: "0",
          NODE_ENV: "development",
        });
        const url = await server.ready;
        const client = createTesseractClient({ url });
        const [health, info] = await Promise.all([
          client.system.health.query(),
          client.system.info.query(),
        ]);
        expect(info.mode).toBe("embedded");
        expect(health.status).toBe("ok");
        expect(health.services.map((s) => s.detail)).toEqual([
          "PGlite (embedded)",
          "in-process stand-in (embedded)",
          "S3 emulator (embedded)",
          "SQS emulator (embedded)",
        ]);
        server.child.kill("SIGTERM");
        expect((await server.exited).code).toBe(0);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
