import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestServices, type TestServices } from "@tesseract/api/testing";
import { createTesseractClient } from "@tesseract/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servicesEnv, spawnServer, type ServerProcess } from "./process.ts";
import { freePort } from "@tesseract/config";

let services: TestServices;
const running: ServerProcess[] = [];
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(async () => {
  for (const server of running) server.child.kill("SIGKILL");
  await services.close();
});

function start(script: string, env: Record<string, string>): ServerProcess {
  const server = spawnServer(script, env);
  running.push(server);
  return server;
}

/** Signs up over HTTP and returns the session cookie, as a Cookie header. */
async function signUp(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.signUp`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { email, name: "Person", password: "correct horse battery" } }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(";")[0]!;
}

const holdUrl = (base: string, ms: number) =>
  `${base}/trpc/probe.hold?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ ms })))}`;

// Each test starts a real Node process: on a loaded machine that alone can take many seconds,
// so nothing here waits a fixed time; each step waits for the event it needs (a log line, an
// exit). The per-test limit is only a backstop against a hang.
describe("graceful shutdown", { timeout: 240_000 }, () => {
  it("on SIGTERM stops accepting, finishes the in-flight request, and exits 0", async () => {
    const metricsPort = await freePort();
    const server = start(
      "test/fixtures/probe-server.ts",
      servicesEnv(services.config, { METRICS_PORT: String(metricsPort) }),
    );
    const url = await server.ready;
    const inFlight = fetch(holdUrl(url, 500));
    await server.logged("probe holding");
    // Metrics are on the internal listener only, and see the held request.
    const { metricsUrl } = await server.logged("tesseract api server ready");
    expect(metricsUrl).toBe(`http://127.0.0.1:${metricsPort}`);
    const metrics = await (await fetch(`${String(metricsUrl)}/metrics`)).text();
    expect(metrics).toMatch(/tesseract_http_requests_in_flight [1-9]/);
    expect((await fetch(`${url}/metrics`)).status).toBe(404);

    server.child.kill("SIGTERM");
    await server.logged("shutting down");
    // The listener is closed at once: a new connection is refused while the request finishes.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('"heldMs":500');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"drained":true');
  });

  it("cuts off a request that outlives the deadline and exits 1", async () => {
    const server = start(
      "test/fixtures/probe-server.ts",
      servicesEnv(services.config, { API_SHUTDOWN_TIMEOUT_MS: "300" }),
    );
    const url = await server.ready;
    const inFlight = fetch(holdUrl(url, 60_000)).then(
      (res) => res.status,
      () => "cut off",
    );
    await server.logged("probe holding");
    server.child.kill("SIGTERM");
    expect(await inFlight).toBe("cut off");
    expect((await server.exited).code).toBe(1);
  });
});

describe("start-up", { timeout: 240_000 }, () => {
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
    const server = start("src/main.ts", servicesEnv(services.config, { NODE_ENV: "production" }));
    expect((await server.exited).code).toBe(1);
    const output = server.output();
    expect(output).toContain("SMTP_URL: required in production on real services");
    expect(output).toContain("MAIL_TRANSPORT=log");
    expect(output).not.toContain("    at ");
  });

  it(
    "boots the embedded mode with nothing installed and answers health",
    // PGlite initialises a fresh data folder here (~5 s idle, far longer on a loaded machine).
    { timeout: 300_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "tesseract-embedded-"));
      try {
        const server = start("src/main.ts", {
          DATA_DIR: dataDir,
          PORT: "0",
          METRICS_PORT: "0",
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

        // The embedded installation's first account operates it; later ones do not.
        const first = await signUp(url, "first@example.test");
        const second = await signUp(url, "second@example.test");
        const runtime = (cookie: string) =>
          fetch(`${url}/trpc/system.runtime`, { headers: { cookie } });
        expect((await runtime(first)).status).toBe(200);
        expect((await runtime(second)).status).toBe(403);
        server.child.kill("SIGTERM");
        expect((await server.exited).code).toBe(0);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
