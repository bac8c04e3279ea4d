import type { Services } from "./services.ts";

export type ServiceName = "database" | "redis" | "storage" | "queue";

export interface ServiceHealth {
  name: ServiceName;
  status: "ok" | "down";
  latencyMs: number;
  /** What is behind the name, e.g. "PostgreSQL" or "PGlite (embedded)". */
  detail: string;
  error?: string;
}

export interface HealthReport {
  status: "ok" | "degraded" | "down";
  checkedAt: Date;
  services: ServiceHealth[];
}

const CHECK_TIMEOUT_MS = 2_000;

/** Checks every dependency in parallel, each bounded by a timeout. */
export async function checkHealth(
  services: Services,
  options: { showErrors: boolean },
): Promise<HealthReport> {
  const { database, redis, storage, queue, emulator } = services;
  const checks: [ServiceName, string, () => Promise<unknown>][] = [
    [
      "database",
      database.kind === "pglite" ? "PGlite (embedded)" : "PostgreSQL",
      () => database.ping(),
    ],
    [
      "redis",
      redis.kind === "memory" ? "in-process stand-in (embedded)" : "Redis",
      () => redis.ping(),
    ],
    ["storage", emulator ? "S3 emulator (embedded)" : "S3", () => storage.ping()],
    ["queue", emulator ? "SQS emulator (embedded)" : "SQS", () => queue.ping()],
  ];
  const results = await Promise.all(
    checks.map(([name, detail, check]) => runCheck(name, detail, check, options.showErrors)),
  );
  const down = results.filter((r) => r.status === "down").length;
  return {
    status: down === 0 ? "ok" : down === results.length ? "down" : "degraded",
    checkedAt: new Date(),
    services: results,
  };
}

async function runCheck(
  name: ServiceName,
  detail: string,
  check: () => Promise<unknown>,
  showErrors: boolean,
): Promise<ServiceHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`));
        }, CHECK_TIMEOUT_MS);
      }),
    ]);
    return { name, status: "ok", latencyMs: elapsed(started), detail };
  } catch (error) {
    // Connection errors can name hosts and ports: outside development say only that it failed.
    const message =
      showErrors && error instanceof Error ? error.message : "unreachable (see the server log)";
    return { name, status: "down", latencyMs: elapsed(started), detail, error: message };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
