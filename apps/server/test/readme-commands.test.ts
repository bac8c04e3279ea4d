import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@tesseract/config";
import { expectLiveThrough } from "./live-clients.ts";

// The README's `pnpm dev`, run as a newcomer would, from the repository root with non-default
// ports and data folder set in the shell. Each must reach the process that reads it, through
// turbo and the web app's launcher: a variable turbo drops would leave a default in its place.
const root = fileURLToPath(new URL("../../..", import.meta.url));

/** Polls `url` until `accept` says yes; every failure before that is "not yet". */
async function until(url: string, accept: (status: number, body: string) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      const body = await res.text();
      if (accept(res.status, body)) return body;
      last = `${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} never became ready (last: ${last})`);
}

const dataDir = mkdtempSync(join(tmpdir(), "tesseract-readme-"));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// Installs nothing, but compiles pages with next dev and may build the PGlite template first: on a
// loaded machine this takes minutes.
describe("the README's commands", { timeout: 600_000 }, () => {
  it("pnpm dev honours PORT, WEB_PORT, EMULATOR_PORT and DATA_DIR; live updates pass the web origin", async () => {
    const [port, webPort, emulatorPort] = [await freePort(), await freePort(), await freePort()];
    const child = spawn("pnpm", ["dev"], {
      cwd: root,
      // A process group of its own, so the whole tree (turbo, node, next) stops together.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        // eslint-disable-next-line no-restricted-properties -- pnpm and node come from the caller's PATH
        PATH: process.env.PATH ?? "",
        // eslint-disable-next-line no-restricted-properties -- pnpm keeps its store under HOME
        HOME: process.env.HOME ?? "",
        PORT: String(port),
        WEB_PORT: String(webPort),
        EMULATOR_PORT: String(emulatorPort),
        // Its own internal listener: the default port may be held by another server on the machine.
        METRICS_PORT: String(await freePort()),
        DATA_DIR: dataDir,
        // Empty counts as unset: the embedded default even if the repository's .env names services.
        DATABASE_URL: "",
        REDIS_URL: "",
        AWS_ENDPOINT_URL: "",
        AWS_ACCESS_KEY_ID: "",
        AWS_SECRET_ACCESS_KEY: "",
        API_URL: "",
        PUBLIC_URL: "",
        TURBO_TELEMETRY_DISABLED: "1",
        NEXT_TELEMETRY_DISABLED: "1",
        TURBO_UI: "false",
      },
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      await until(`http://127.0.0.1:${port}/readyz`, (status) => status === 200, 400_000).catch(
        (error: unknown) => {
          throw new Error(`${String(error)}\n${output.slice(-4_000)}`);
        },
      );
      // The emulator listens where EMULATOR_PORT says, and PGlite keeps its data under DATA_DIR.
      const emulator = await fetch(`http://127.0.0.1:${emulatorPort}/`).catch(() => undefined);
      expect(emulator, "nothing listens on EMULATOR_PORT").toBeDefined();
      expect(existsSync(join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
      // The web app listens on WEB_PORT and reaches the API on PORT: /status renders its health.
      const status = await until(
        `http://127.0.0.1:${webPort}/status`,
        (code, body) => code === 200 && body.includes('data-testid="overall-status"'),
        180_000,
      );
      expect(status).toContain('data-testid="overall-status" data-status="ok"');
      // Live updates through the web origin, as the browser takes them: the web server's proxy
      // passes a WebSocket upgrade and an SSE stream on to the API server.
      await expectLiveThrough(`http://127.0.0.1:${webPort}`, `http://localhost:${webPort}`);
    } finally {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      const stopped = await Promise.race([
        exited,
        new Promise((resolve) => {
          setTimeout(() => {
            resolve("timeout");
          }, 20_000);
        }),
      ]);
      if (stopped === "timeout" && child.pid) process.kill(-child.pid, "SIGKILL");
    }
    // Nothing is left listening once the group is stopped.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
