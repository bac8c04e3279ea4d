import { spawn, type ChildProcess } from "node:child_process";

export interface NodeChild {
  child: ChildProcess;
  pid: number;
  /** performance.now() at spawn. */
  spawnedAt: number;
  /** Resolves when the process exits (never rejects). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last 64 KiB of stdout + stderr, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after graceMs; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_TAIL = 64 * 1024;

/**
 * Runs a TypeScript entry point in its own Node process with exactly the given environment
 * (nothing inherited, so the parent's DATABASE_URL and the like cannot leak in). Each
 * complete output line is passed to onLine.
 */
export function spawnNode(
  script: string,
  options: {
    cwd: string;
    env: Record<string, string>;
    /** Arguments after the script. */
    args?: string[];
    /** Node's own flags, before the script (e.g. --cpu-prof). */
    execArgv?: string[];
    ipc?: boolean;
    onLine?: (line: string) => void;
  },
): NodeChild {
  const spawnedAt = performance.now();
  const argv = [...(options.execArgv ?? []), script, ...(options.args ?? [])];
  const child = spawn(process.execPath, argv, {
    cwd: options.cwd,
    env: options.env,
    stdio: options.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not spawn node ${script}`);
  let tail = "";
  const attach = (stream: NodeJS.ReadableStream | null) => {
    let pending = "";
    stream?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-OUTPUT_TAIL);
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) options.onLine?.(line);
    });
  };
  attach(child.stdout);
  attach(child.stderr);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      resolve({ code, signal });
    });
  });
  const stop = async (graceMs = 5_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { child, pid: child.pid, spawnedAt, exited, output: () => tail, stop };
}
