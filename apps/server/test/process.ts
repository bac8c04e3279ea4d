import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the base URL once the server logs that it is ready. */
  ready: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

const serverDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * Runs a server entry script in its own Node process, as production would; from this package's
 * folder unless `cwd` names another (a pruned production install, say).
 */
export function spawnServer(
  script: string,
  env: Record<string, string>,
  cwd: string = serverDir,
): ServerProcess {
  const child = spawn(process.execPath, [script], {
    cwd,
    // A clean environment: only what the test passes, plus PATH/HOME for Node itself.
    // eslint-disable-next-line no-restricted-properties -- the child process needs the parent's PATH and HOME
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let resolveReady: (url: string) => void;
  const ready = new Promise<string>((resolve, reject) => {
    resolveReady = resolve;
    child.once("exit", (code) => {
      reject(new Error(`server exited (${code}) before it was ready:\n${output}`));
    });
  });
  ready.catch(() => undefined);
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === "tesseract api server ready" && entry.url) resolveReady(entry.url);
      } catch {
        // a partial line; the next chunk completes it
      }
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      resolve({ code, signal });
    });
  });
  return { child, ready, exited, output: () => output };
}
