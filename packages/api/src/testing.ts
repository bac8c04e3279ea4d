import { randomUUID } from "node:crypto";
import { parseConfig } from "@tesseract/config";
import { createTestDatabase } from "@tesseract/db/testing";
import { createQueue } from "@tesseract/queue";
import { createTestRedis } from "@tesseract/redis/testing";
import { startTestAws } from "@tesseract/storage/testing";
import { pino } from "pino";
import type { InnerContext } from "./context.ts";
import { createCaller } from "./root.ts";
import type { Services } from "./services.ts";

export interface TestServices extends Services {
  /** Drops the database, deletes the Redis keys and stops the emulator. */
  close(): Promise<void>;
}

/**
 * Real services for one test file: its own PostgreSQL database (cloned from the migrated
 * template), its own Redis key space, and its own S3/SQS emulator with bucket and queues.
 */
export async function createTestServices(env: Record<string, string> = {}): Promise<TestServices> {
  const [database, redis, aws] = await Promise.all([
    createTestDatabase(),
    createTestRedis(),
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
  return {
    config,
    db: database,
    redis,
    storage: aws.storage,
    queue,
    emulator: undefined,
    startedAt: new Date(),
    async close() {
      queue.sqs.destroy();
      aws.storage.s3.destroy();
      await Promise.allSettled([database.drop(), redis.cleanup(), aws.close()]);
    },
  };
}

export const silentPino = pino({ level: "silent" });

export function testContext(services: Services): InnerContext {
  return { services, logger: silentPino, requestId: randomUUID() };
}

/** A caller for the whole router, as an in-process client would see it. */
export function createTestCaller(services: Services) {
  return createCaller(testContext(services));
}
