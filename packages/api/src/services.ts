import type { Config, Logger } from "@tesseract/config";
import {
  createDatabase,
  createReadReplica,
  migrateToLatest,
  type Database,
  type DatabaseHandle,
  type Kysely,
  type ReadReplica,
} from "@tesseract/db";
import { createQueue, type Queue } from "@tesseract/queue";
import {
  createRateLimiter,
  createRedis,
  createSessionStore,
  createTagCache,
  createWriteMarks,
  type RateLimiter,
  type RedisHandle,
  type SessionStore,
  type TagCache,
  type WriteMarks,
} from "@tesseract/redis";
import { createStorage, type Storage } from "@tesseract/storage";
import type { AwsEmulator } from "@tesseract/storage/emulator";
import { AppMetrics } from "@tesseract/telemetry";
import { createCallerCache, type CallerCache } from "./auth/caller-cache.ts";
import { createLiveHub, signallingRevocations, type LiveHub } from "./live/hub.ts";
import { createMailer, type Mailer } from "./mail/mailer.ts";
import { observeServices } from "./observability/service-metrics.ts";

/** Every backing service a process needs, built once and shared by all requests. */
export interface Services {
  config: Config;
  /** The query builder every procedure and domain function uses. */
  db: Kysely<Database>;
  /** The connection behind `db`: its kind, ping (health) and close (shutdown). */
  database: DatabaseHandle;
  /**
   * A streaming replica (DATABASE_REPLICA_URL) and the write marks that keep reads on it
   * consistent with a person's own writes (policy/replica-reads.ts); undefined without one.
   */
  replica: { replica: ReadReplica; marks: WriteMarks } | undefined;
  redis: RedisHandle;
  storage: Storage;
  queue: Queue;
  /** The in-process S3/SQS emulator, in the embedded mode only. */
  emulator: AwsEmulator | undefined;
  sessions: SessionStore;
  limiter: RateLimiter;
  /** Query results by organization, role and input (see policy/cache.ts). */
  cache: TagCache;
  /** Callers' sessions, tokens and roles, in this process (auth/caller-cache.ts); undefined when off. */
  callers: CallerCache | undefined;
  mailer: Mailer;
  /** This process's Prometheus series (served on the internal listener's /metrics). */
  metrics: AppMetrics;
  /** Live updates: the event bus (Redis pub/sub and replay streams) and connection limits. */
  live: LiveHub;
  /** The clock every expiry is judged by (tests move it). */
  now(): Date;
  startedAt: Date;
  close(): Promise<void>;
}

/**
 * Connects to PostgreSQL (or PGlite), Redis (or its stand-in) and S3/SQS (or the in-process
 * emulator), migrates in development and the embedded mode, and creates the bucket and queues
 * when missing. A service that is down at start-up is logged and reported by readiness rather
 * than stopping the process, so it recovers when the service does.
 */
export async function createServices(
  config: Config,
  logger: Logger,
  options: { metrics?: AppMetrics } = {},
): Promise<Services> {
  const startedAt = new Date();
  // The emulator, the database (with its migrations) and Redis start side by side: on the
  // embedded default each takes a while, and none needs another.
  const [emulator, database, redis] = await Promise.all([
    // Embedded-only modules load only in the embedded mode: services mode never pays for them.
    config.aws.useEmulator
      ? import("@tesseract/storage/emulator").then(({ startAwsEmulator }) =>
          startAwsEmulator({
            port: config.aws.emulatorPort,
            allowedOrigins: config.server.corsOrigins,
          }),
        )
      : undefined,
    createDatabase({
      url: config.database.url,
      poolMax: config.database.poolMax,
      connectTimeoutMs: config.database.connectTimeoutMs,
      dataDir: config.dataDir,
      logger,
    }).then(async (database) => {
      if (database.kind === "pglite" || config.env !== "production") {
        const applied = await migrateToLatest(database.db);
        if (applied.length > 0) logger.info({ applied }, "migrations applied");
      }
      return database;
    }),
    createRedis({ url: config.redis.url, keyPrefix: config.redis.keyPrefix, logger }),
  ]);
  const replica = config.database.replicaUrl
    ? await createReadReplica({
        url: config.database.replicaUrl,
        poolMax: config.database.poolMax,
        connectTimeoutMs: config.database.connectTimeoutMs,
        logger,
      })
    : undefined;
  if (emulator)
    logger.warn(
      { url: emulator.url },
      "embedded S3/SQS emulator started (no signature, size or type checks)",
    );
  const endpoint = emulator?.url ?? config.aws.endpoint;
  const aws = { endpoint, region: config.aws.region, credentials: config.aws.credentials };
  const storage = createStorage({
    ...aws,
    bucket: config.aws.bucket,
    publicEndpoint: config.aws.publicEndpoint,
  });
  const queue = createQueue({
    ...aws,
    queueName: config.aws.queueName,
    deadLetterQueueName: config.aws.deadLetterQueueName,
    maxReceiveCount: config.jobs.maxReceiveCount,
    visibilityTimeoutSeconds: config.jobs.visibilityTimeoutSeconds,
  });

  await Promise.all([
    storage.ensureBucket(config.server.corsOrigins).catch((err: unknown) => {
      logger.error({ err, bucket: config.aws.bucket }, "could not ensure the S3 bucket");
    }),
    queue.ensureQueues().catch((err: unknown) => {
      logger.error({ err, queue: config.aws.queueName }, "could not ensure the SQS queues");
    }),
  ]);

  const now = () => new Date();
  const mailer = createMailer(config, logger);
  const metrics = options.metrics ?? new AppMetrics();
  observeServices(metrics, { database, db: database.db, redis, queue }, logger);
  const live = await createLiveHub(config, redis, logger);
  return {
    config,
    db: database.db,
    database,
    replica: replica && { replica, marks: createWriteMarks(redis.client) },
    redis,
    storage,
    queue,
    emulator,
    ...authServices(config, redis, now, live),
    mailer,
    metrics,
    live,
    now,
    startedAt,
    async close() {
      mailer.close();
      await live.bus.close();
      await Promise.allSettled([database.close(), replica?.handle.close(), redis.close()]);
      storage.s3.destroy();
      queue.sqs.destroy();
      await emulator?.close();
    },
  };
}

/** The session store (telling live streams of revocations) and rate limiter over Redis, judged by `now`. */
export function authServices(
  config: Config,
  redis: RedisHandle,
  now: () => Date,
  live: LiveHub,
): {
  sessions: SessionStore;
  limiter: RateLimiter;
  cache: TagCache;
  callers: CallerCache | undefined;
} {
  const sessions = createSessionStore(redis.client, {
    idleMs: config.sessions.idleMs,
    absoluteMs: config.sessions.absoluteMs,
    now: () => now().getTime(),
  });
  const callers = createCallerCache(config, live.bus, () => now().getTime());
  return {
    // Open live streams hear of every session that ends, and close; instances forget it.
    sessions: signallingRevocations(sessions, { live, callers }),
    callers,
    limiter: createRateLimiter(redis.client),
    // Results held in memory for as long as callers are (AUTH_CACHE_TTL_SECONDS; 0: none).
    cache: createTagCache(redis, {
      bus: live.bus,
      ttlMs: config.authCache.ttlSeconds * 1_000,
      now: () => now().getTime(),
    }),
  };
}
