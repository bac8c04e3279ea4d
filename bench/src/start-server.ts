import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { spawnNode, type NodeChild } from "./child.ts";
import { freePort } from "@tesseract/config";

const ownServerDir = fileURLToPath(new URL("../../apps/server/", import.meta.url));
const baselineScript = fileURLToPath(new URL("./baseline-server.ts", import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const POLL_MS = 10;

export interface ApiServerRun extends NodeChild {
  url: string;
  /** Spawn → first 200 from GET /readyz, wall clock. */
  timeToReadyMs: number;
  /** From the "tesseract api server ready" log line; only logged at LOG_LEVEL=info. */
  readyLine: { atMs: number; readyInMs: number } | undefined;
}

/**
 * Starts the real API server as production does (`node src/main.ts` in apps/server) on a
 * free loopback port, and waits until GET /readyz answers 200.
 */
export async function startApiServer(
  env: Record<string, string>,
  logLevel: "info" | "warn",
  options: {
    args?: string[];
    execArgv?: string[];
    /** Another checkout's root, to run its API server instead of this one's (`ab.ts`). */
    checkout?: string;
  } = {},
): Promise<ApiServerRun> {
  const { checkout, ...spawnOptions } = options;
  const serverDir = checkout ? join(checkout, "apps/server/") : ownServerDir;
  if (!existsSync(`${serverDir}src/main.ts`)) throw new Error(`no API server at ${serverDir}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let readyLine: ApiServerRun["readyLine"];
  const child = spawnNode("src/main.ts", {
    cwd: serverDir,
    // No internal metrics listener: the bench reads none, and servers it runs side by side (or
    // a running dev server) would contend for its port.
    // (A run measuring the metrics' cost sets METRICS_PORT itself.)
    env: { METRICS_PORT: "0", ...env, PORT: String(port), LOG_LEVEL: logLevel },
    ...spawnOptions,
    onLine: (line) => {
      if (readyLine || !line.includes("tesseract api server ready")) return;
      const entry = JSON.parse(line) as { readyInMs?: number };
      readyLine = { atMs: performance.now() - child.spawnedAt, readyInMs: entry.readyInMs ?? NaN };
    },
  });
  try {
    const timeToReadyMs = await pollReady(`${url}/readyz`, child);
    return { ...child, url, timeToReadyMs, readyLine };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

async function pollReady(readyz: string, child: NodeChild): Promise<number> {
  let exited = false;
  void child.exited.then(() => (exited = true));
  let lastStatus = "no answer";
  while (performance.now() - child.spawnedAt < READY_TIMEOUT_MS) {
    if (exited) throw new Error(`API server exited before it was ready:\n${child.output()}`);
    try {
      const res = await fetch(readyz, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - child.spawnedAt;
      lastStatus = `HTTP ${res.status}`;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(
    `API server not ready within ${READY_TIMEOUT_MS} ms (${lastStatus}):\n${child.output()}`,
  );
}

export interface BaselineRun extends NodeChild {
  url: string;
}

/** What the baseline needs to run the same queries as the API: see baseline-server.ts. */
export interface BaselineConfig {
  databaseUrl: string;
  poolMax: number;
  redisUrl: string;
  redisKeyPrefix: string;
  sessionCookie: string;
}

/** Starts the raw node:http baseline in its own process (its own core budget, like the API server). */
export async function startBaseline(
  config: BaselineConfig,
  options: { execArgv?: string[] } = {},
): Promise<BaselineRun> {
  const child = spawnNode(baselineScript, {
    cwd: ownServerDir,
    env: {},
    args: [JSON.stringify(config)],
    execArgv: options.execArgv,
    ipc: true,
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.child.once("message", (message: { url?: string }) => {
        if (message.url) resolve(message.url);
        else reject(new Error("baseline server sent no URL"));
      });
      void child.exited.then(() => {
        reject(new Error(`baseline server exited before it was ready:\n${child.output()}`));
      });
    });
    return { ...child, url };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
