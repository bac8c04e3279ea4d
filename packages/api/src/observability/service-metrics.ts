import type { Logger } from "@tesseract/config";
import type { DatabaseHandle, Database, Kysely } from "@tesseract/db";
import { outboxLagSeconds, type Queue } from "@tesseract/queue";
import type { RedisHandle } from "@tesseract/redis";
import type { AppMetrics, Gauge } from "@tesseract/telemetry";

// A scrape must answer even when a service does not: each reading gets this long.
const READING_TIMEOUT_MS = 2_000;

/**
 * Series read from the backing services when Prometheus scrapes (not on the request path):
 * the pg pool, Redis round trip and errors, the outbox's lag and the queues' depth. A reading
 * that fails or times out leaves its series out of that scrape rather than failing it.
 */
export function observeServices(
  metrics: AppMetrics,
  services: { database: DatabaseHandle; db: Kysely<Database>; redis: RedisHandle; queue: Queue },
  logger: Logger,
): void {
  const { database, db, redis, queue } = services;
  const reading = (name: string, gauge: Gauge, read: () => Promise<void>) =>
    within(read(), READING_TIMEOUT_MS).catch((err: unknown) => {
      gauge.reset();
      logger.debug({ err, metric: name }, "metric reading failed; left out of this scrape");
    });

  metrics.gauge({
    name: "tesseract_db_pool_connections",
    help: "PostgreSQL pool connections by state (total, idle) and queries waiting for one.",
    labelNames: ["state"] as const,
    collect() {
      const stats = database.poolStats?.();
      if (!stats) return;
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  redis.client.on("error", () => {
    metrics.redisErrors.inc();
  });
  metrics.gauge({
    name: "tesseract_redis_ping_seconds",
    help: "Round trip of a Redis PING, measured at scrape time.",
    async collect() {
      await reading("tesseract_redis_ping_seconds", this, async () => {
        const started = performance.now();
        await redis.client.ping();
        this.set((performance.now() - started) / 1_000);
      });
    },
  });
  metrics.gauge({
    name: "tesseract_outbox_lag_seconds",
    help: "Age of the oldest due job not yet relayed from the outbox to the queue (0 when none).",
    async collect() {
      await reading("tesseract_outbox_lag_seconds", this, async () => {
        this.set(await outboxLagSeconds(db));
      });
    },
  });
  metrics.gauge({
    name: "tesseract_queue_depth",
    help: "Messages waiting in the job queue and its dead-letter queue (SQS's approximate count).",
    labelNames: ["queue"] as const,
    async collect() {
      await reading("tesseract_queue_depth", this, async () => {
        const depth = await queue.depth();
        this.set({ queue: "jobs" }, depth.jobs);
        this.set({ queue: "dead_letter" }, depth.deadLetters);
      });
    },
  });
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}
