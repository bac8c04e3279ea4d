import { randomUUID } from "node:crypto";
import { parseConfig, type Logger } from "@tesseract/config";
import { createTestDatabase } from "@tesseract/db/testing";

export {
  startScratchPostgres,
  startScratchReplica,
  type ScratchPostgres,
} from "@tesseract/db/testing";
import { createQueue } from "@tesseract/queue";
import { createRedis } from "@tesseract/redis";
import { createTestRedis } from "@tesseract/redis/testing";
import { startTestAws } from "@tesseract/storage/testing";
import { pino } from "pino";
import {
  createInnerContext,
  recordingResponse,
  type Context,
  type RequestInfo,
} from "./context.ts";
import { attachmentKeys } from "./domain/attachments.ts";
import { createLiveHub } from "./live/hub.ts";
import { createMailer, type MailMessage, type Mailer } from "./mail/mailer.ts";
import { createCaller } from "./root.ts";
import { startJobRuntime } from "./jobs/runtime.ts";
import { authServices, type Services } from "./services.ts";
import { AppMetrics } from "@tesseract/telemetry";
import { observeServices } from "./observability/service-metrics.ts";

export interface TestServices extends Services {
  /** The clock behind `now()`: tests move it to expire sessions, links and tokens. */
  clock: { offsetMs: number; advance(ms: number): void };
  /** Mail this file's services sent (or kept), to wait for instead of polling. */
  mail: MailWatch;
  /** Stops the job runtime, drops the database, deletes the Redis keys and stops the emulator. */
  close(): Promise<void>;
}

export interface MailWatch {
  /** Resolves with the first message sent so far, or from now on, that matches. */
  waitFor(matches: (message: MailMessage) => boolean): Promise<MailMessage>;
}

/**
 * Wraps a mailer so tests wait for the message they expect: mail goes out after the commit,
 * unawaited, so after the request answers, and on a loaded machine a poll with a short deadline
 * misses it.
 */
function watchMail(mailer: Mailer): Mailer & MailWatch {
  const sent: MailMessage[] = [];
  const waiting: {
    matches: (message: MailMessage) => boolean;
    resolve: (m: MailMessage) => void;
  }[] = [];
  return {
    ...mailer,
    async send(message) {
      await mailer.send(message);
      sent.push(message);
      for (const waiter of waiting.filter((w) => w.matches(message))) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    },
    waitFor(matches) {
      const earlier = sent.find(matches);
      if (earlier) return Promise.resolve(earlier);
      return new Promise((resolve) => waiting.push({ matches, resolve }));
    },
  };
}

/**
 * Real services for one test file: its own PostgreSQL database (cloned from the migrated
 * template), its own Redis key space, and its own S3/SQS emulator with bucket and queues.
 */
export async function createTestServices(
  env: Record<string, string> = {},
  options: { adminDatabaseUrl?: string; runJobs?: boolean; logger?: Logger } = {},
): Promise<TestServices> {
  const [database, redis, aws] = await Promise.all([
    createTestDatabase({ adminDatabaseUrl: options.adminDatabaseUrl }),
    createTestRedis(env.REDIS_URL),
    startTestAws(),
  ]);
  const config = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.keyPrefix,
    AWS_ENDPOINT_URL: aws.connection.endpoint,
    S3_BUCKET: aws.bucket,
    SQS_QUEUE_NAME: aws.queueName,
    ...env,
  });
  const queue = createQueue({
    ...aws.connection,
    queueName: config.aws.queueName,
    deadLetterQueueName: config.aws.deadLetterQueueName,
  });
  await Promise.all([aws.storage.ensureBucket([]), queue.ensureQueues()]);
  const clock = {
    offsetMs: 0,
    advance(ms: number) {
      clock.offsetMs += ms;
    },
  };
  const now = () => new Date(Date.now() + clock.offsetMs);
  const logger = options.logger ?? silentPino;
  const mailer = watchMail(createMailer(config, logger));
  const live = await createLiveHub(config, redis, logger);
  const services: TestServices = {
    config,
    db: database.db,
    database,
    replica: undefined,
    redis,
    storage: aws.storage,
    queue,
    emulator: undefined,
    ...authServices(config, redis, now, live),
    mailer,
    live,
    mail: mailer,
    metrics: new AppMetrics(),
    now,
    clock,
    startedAt: new Date(),
    async close() {
      await jobs?.stop(0);
      mailer.close();
      await live.bus.close();
      queue.sqs.destroy();
      aws.storage.s3.destroy();
      await Promise.allSettled([database.drop(), redis.cleanup(), aws.close()]);
    },
  };
  observeServices(services.metrics, services, logger);
  // Mail (and every other job) goes through the outbox and the queue as in production: the
  // relay and the consumer run beside the test, retrying a failed job at once.
  // (Off for tests that run a worker process of their own.)
  const jobs =
    options.runJobs === false
      ? undefined
      : startJobRuntime(services, logger, {
          loadImageLibrary: () => import("sharp").then((module) => module.default),
          waitSeconds: 1,
          relayIdleMs: 200,
          retryDelaySeconds: () => 0,
        });
  return services;
}

export const silentPino = pino({ level: "silent" });

/**
 * Another API instance beside `services`, as a second server process would be: the same
 * database and Redis key space, but its own Redis connections, live bus and caller cache.
 */
export async function createSecondInstance(
  services: TestServices,
): Promise<Services & { close(): Promise<void> }> {
  const { config } = services;
  const redis = await createRedis({
    url: config.redis.url,
    keyPrefix: config.redis.keyPrefix,
    logger: silentPino,
  });
  const live = await createLiveHub(config, redis, silentPino);
  return {
    ...services,
    redis,
    live,
    ...authServices(config, redis, () => services.now(), live),
    async close() {
      await live.bus.close();
      await redis.close();
    },
  };
}

/** The names of the Redis commands `services` sends while `work` runs. */
export async function redisCommandsDuring(
  services: Pick<Services, "redis">,
  work: () => Promise<unknown>,
): Promise<string[]> {
  const sent: string[] = [];
  const { client } = services.redis;
  const send = client.sendCommand.bind(client);
  client.sendCommand = (command, stream) => {
    sent.push(command.name);
    return send(command, stream);
  };
  try {
    await work();
  } finally {
    client.sendCommand = send;
  }
  return sent;
}

export function testContext(services: Services, request: Partial<RequestInfo> = {}): Context {
  return createInnerContext({
    services,
    logger: silentPino,
    requestId: randomUUID(),
    request: { clientIp: "127.0.0.1", userAgent: "vitest", ...request },
    response: recordingResponse(),
  });
}

/**
 * A caller for the whole router, as an in-process client would see it, with these request
 * headers; `signal` aborts its calls (a subscription's).
 */
export function createTestCaller(
  services: Services,
  request: Partial<RequestInfo> = {},
  signal?: AbortSignal,
) {
  return createCaller(testContext(services, request), { signal });
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  /** The Cookie header of a live session. */
  cookie: string;
}

let userCounter = 0;

/**
 * A user with a live session, made directly (no password hashing), for tests that need many.
 * The password hash is a placeholder that no password matches.
 */
export async function insertTestUser(services: Services, name = "Test User"): Promise<TestUser> {
  const email = `user${++userCounter}-${randomUUID().slice(0, 8)}@example.test`;
  const user = await services.db
    .insertInto("users")
    .values({
      email,
      name,
      password_hash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder$placeholder",
    })
    .returning(["id", "email", "name"])
    .executeTakeFirstOrThrow();
  const { secret } = await services.sessions.create(user.id, {
    ip: "127.0.0.1",
    userAgent: "vitest",
  });
  return { ...user, cookie: `${services.config.sessions.cookieName}=${secret}` };
}

/** The session cookie a procedure set, as a Cookie header (undefined when it cleared it). */
export function cookieFrom(ctx: Context): string | undefined {
  const set = (ctx.response as ReturnType<typeof recordingResponse>).cookies.at(-1);
  const pair = set?.split(";")[0];
  return pair && !pair.endsWith("=") ? pair : undefined;
}

/**
 * An attachment row with its object in storage, as an upload would leave it (made directly,
 * for tests of what happens after the upload).
 */
export async function insertTestAttachment(
  services: Services,
  values: {
    orgId: string;
    taskId: string;
    uploaderId: string;
    status: "pending" | "processing" | "ready" | "failed";
    body?: Uint8Array;
    contentType?: string;
    fileName?: string;
    createdAt?: Date;
  },
): Promise<{ id: string; key: string }> {
  const id = randomUUID();
  const key = attachmentKeys(values.orgId, id).original;
  const body = values.body ?? new TextEncoder().encode("hello");
  const contentType = values.contentType ?? "text/plain";
  await services.storage.put(key, body, contentType);
  await services.db
    .insertInto("attachments")
    .values({
      id,
      org_id: values.orgId,
      task_id: values.taskId,
      uploader_id: values.uploaderId,
      storage_key: key,
      file_name: values.fileName ?? "hello.txt",
      declared_type: contentType,
      size: body.length,
      status: values.status,
      ...(values.createdAt && { created_at: values.createdAt }),
    })
    .execute();
  return { id, key };
}
