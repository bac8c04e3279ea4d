import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { createTestServices, type TestServices } from "@tesseract/api/testing";
import { freePort, parseConfig, workspaceRoot } from "@tesseract/config";
import { startServer, type StartedServer } from "@tesseract/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServiceVariables } from "./test-services.ts";

/**
 * docker/smoke-test.ts (what the stack workflow runs against the compose stack), run here the
 * same way, with `node`, against the real API server in production mode on real services.
 */
let services: TestServices;
let server: StartedServer;

beforeAll(async () => {
  services = await createTestServices({}, { runJobs: false });
  const port = await freePort();
  server = await startServer(
    parseConfig({
      ...testServiceVariables(services.config),
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      METRICS_PORT: "0",
      MAIL_TRANSPORT: "log",
    }),
  );
}, 120_000);

afterAll(async () => {
  await server?.shutdown();
  await services?.close();
}, 60_000);

describe("docker/smoke-test.ts", () => {
  it("signs up, creates a task and reads it back over the tRPC wire", async () => {
    const script = join(workspaceRoot, "docker", "smoke-test.ts");
    const { stdout } = await promisify(execFile)(process.execPath, [script, server.url], {
      timeout: 60_000,
    });
    expect(stdout).toMatch(/^ok: smoke-\w+@example\.test created SMK-1 through http:\/\/127/);
    const user = await services.db
      .selectFrom("users")
      .select("id")
      .where("email", "like", "smoke-%")
      .executeTakeFirst();
    expect(user).toBeDefined();
  });
});
