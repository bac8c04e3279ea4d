import { execFile } from "node:child_process";
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createTestServices, type TestServices } from "@tesseract/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servicesEnv, spawnServer, type ServerProcess } from "./process.ts";

/**
 * The server image's production install, reproduced as docker/server.Dockerfile builds it:
 * `turbo prune` of the workspace, then the Dockerfile's own `pnpm install` line (read from the
 * Dockerfile, so the two cannot drift), then the sources copied over. Checked: its size, that no
 * build, test or embedded-only package is in it, that it serves on real services, and that the
 * embedded mode stops with a clear message instead of a missing-module stack trace.
 */

const MAX_BYTES = 150 * 1024 * 1024;
/** Packages the server never needs at run time: builders, test tools, embedded stand-ins. */
const FORBIDDEN = [
  /^next$/,
  /^@next\//,
  /^playwright(-core)?$/,
  /^@playwright\//,
  /^typescript$/,
  /^sharp$/,
  /^@img\//,
  /^vitest$/,
  /^eslint$/,
  /^@electric-sql\/pglite$/,
  /^ioredis-mock$/,
  /^fauxqs$/,
  /^fastify$/,
];

const exec = promisify(execFile);
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const dockerfile = readFileSync(join(repo, "docker/server.Dockerfile"), "utf8");

/** The arguments of the Dockerfile's `pnpm install` (its deps stage), unquoted, for APP=server. */
function dockerfileInstallArgs(): string[] {
  const line = /^\s*pnpm install (.+)$/m.exec(dockerfile)?.[1];
  if (!line) throw new Error("docker/server.Dockerfile has no `pnpm install` line");
  return line
    .trim()
    .split(/\s+/)
    .map((arg) => arg.replace(/^"(.*)"$/, "$1").replace("${APP}", "server"));
}

/** Bytes under `dir` as an image layer holds them: every file once, however often linked. */
function treeBytes(dir: string, seen = new Set<number>()): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const stat = lstatSync(path);
    if (seen.has(stat.ino)) continue;
    seen.add(stat.ino);
    total += entry.isDirectory() ? treeBytes(path, seen) : stat.size;
  }
  return total;
}

/** Package names in pnpm's virtual store: `@scope+name@1.2.3_peer…` → `@scope/name`. */
function installedPackages(app: string): string[] {
  return readdirSync(join(app, "node_modules/.pnpm"))
    .filter((dir) => dir.includes("@", 1))
    .map((dir) => dir.slice(0, dir.indexOf("@", 1)).replace("+", "/"));
}

let tmp: string;
let app: string;
let services: TestServices;
const running: ServerProcess[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "tesseract-server-install-"));
  app = join(tmp, "app");
  const turbo = join(repo, "node_modules/.bin/turbo");
  await exec(turbo, ["prune", "@tesseract/server", "--docker", "--out-dir", join(tmp, "out")], {
    cwd: repo,
    env: { ...childEnv(), TURBO_TELEMETRY_DISABLED: "1" },
  });
  cpSync(join(tmp, "out/json"), app, { recursive: true });
  // The store already holds every package of the lockfile after the repository's own install.
  await exec("pnpm", ["install", ...dockerfileInstallArgs(), "--prefer-offline"], {
    cwd: app,
    env: { ...childEnv(), CI: "true", PNPM_CONFIG_PM_ON_FAIL: "ignore" },
  });
  cpSync(join(tmp, "out/full"), app, { recursive: true });
  services = await createTestServices();
}, 180_000);

afterAll(async () => {
  for (const server of running) server.child.kill("SIGKILL");
  await services?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** PATH and HOME for pnpm, Node and the store; nothing else of this process leaks in. */
function childEnv(): Record<string, string> {
  // eslint-disable-next-line no-restricted-properties -- child processes need the parent's PATH and HOME
  const { PATH = "", HOME = "" } = process.env;
  return { PATH, HOME };
}

function start(env: Record<string, string>): ServerProcess {
  const server = spawnServer("src/main.ts", env, join(app, "apps/server"));
  running.push(server);
  return server;
}

describe("the server image's production install", { timeout: 90_000 }, () => {
  it("stays under 150 MB and holds no build, test or embedded-only package", () => {
    const bytes = treeBytes(join(app, "node_modules"));
    expect(bytes, `${(bytes / 1024 / 1024).toFixed(1)} MB`).toBeLessThan(MAX_BYTES);
    const unwanted = installedPackages(app).filter((name) => FORBIDDEN.some((re) => re.test(name)));
    expect(unwanted).toEqual([]);
    // The runtime dependencies are there (a prune that dropped them would pass the checks above).
    expect(installedPackages(app)).toEqual(
      expect.arrayContaining(["@trpc/server", "kysely", "pg", "ioredis", "@node-rs/argon2"]),
    );
  });

  it("serves on real services, and runs the migration one-shot", async () => {
    const env = servicesEnv(services.config, {
      NODE_ENV: "production",
      SMTP_URL: "smtp://127.0.0.1:2525",
    });
    const migrate = await exec(process.execPath, ["packages/db/src/cli/migrate.ts"], {
      cwd: app,
      env: { ...childEnv(), ...env },
    });
    expect(migrate.stdout).toContain("Already up to date.");
    const server = start(env);
    const url = await server.ready;
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(200);
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
  });

  it("stops the embedded mode with a message naming what to set", async () => {
    const server = start({ NODE_ENV: "production", PORT: "0", DATA_DIR: join(tmp, "data") });
    expect((await server.exited).code).toBe(1);
    const output = server.output();
    expect(output).toContain("Invalid configuration");
    expect(output).toContain("is not installed");
    expect(output).toContain("DATABASE_URL, REDIS_URL and AWS_ENDPOINT_URL");
    expect(output).not.toContain("    at "); // a message, not a stack trace
  });
});
