import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Config } from "@tesseract/config";

type TestServicesConfig = Pick<Config, "database" | "redis" | "aws">;

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the base URL once the server logs that it is ready. */
  ready: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /**
   * Resolves with the first log entry whose message is `msg` and that `match` accepts (already
   * logged, or to come).
   */
  logged(msg: string, match?: (entry: LogEntry) => boolean): Promise<LogEntry>;
}

export type LogEntry = Record<string, unknown> & { msg?: string };

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
  const entries: LogEntry[] = [];
  const waiting: {
    msg: string;
    match: (entry: LogEntry) => boolean;
    resolve: (entry: LogEntry) => void;
  }[] = [];
  let pending = "";
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    // Lines may arrive split across chunks: keep the unfinished tail for the next one.
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch {
        continue;
      }
      entries.push(entry);
      if (entry.msg === "tesseract api server ready" && typeof entry.url === "string") {
        resolveReady(entry.url);
      }
      for (const waiter of waiting.filter((w) => w.msg === entry.msg && w.match(entry))) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(entry);
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
  const logged = (msg: string, match: (entry: LogEntry) => boolean = () => true) => {
    const earlier = entries.find((entry) => entry.msg === msg && match(entry));
    if (earlier) return Promise.resolve(earlier);
    return new Promise<LogEntry>((resolve, reject) => {
      waiting.push({ msg, match, resolve });
      void exited.then(() => {
        reject(new Error(`server exited before logging "${msg}":\n${output}`));
      });
    });
  };
  return { child, ready, exited, output: () => output, logged };
}

/**
 * The environment that points a spawned server at a test's real services (its database, Redis
 * key prefix and S3/SQS emulator), on a port of its own and with no metrics listener.
 */
export function servicesEnv(
  config: TestServicesConfig,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: "test",
    PORT: "0",
    METRICS_PORT: "0",
    DATABASE_URL: config.database.url!,
    REDIS_URL: config.redis.url!,
    REDIS_KEY_PREFIX: config.redis.keyPrefix,
    AWS_ENDPOINT_URL: config.aws.endpoint!,
    S3_BUCKET: config.aws.bucket,
    SQS_QUEUE_NAME: config.aws.queueName,
    ...extra,
  };
}
