import { createTestDatabase, type TestDatabase } from "@tesseract/db/testing";
import { createTestRedis } from "@tesseract/redis/testing";
import { startTestAws } from "@tesseract/storage/testing";
import { defer } from "./cleanup.ts";

export interface ServicesMode {
  /** The API server's environment for the services mode, minus PORT and LOG_LEVEL. */
  env: Record<string, string>;
  databaseName: string;
  /** The bench's own handle on that database (seeding). */
  database: TestDatabase;
  redis: { url: string; keyPrefix: string };
}

/** The API servers' pool size, set explicitly so the raw http + pg baseline can match it. */
export const DATABASE_POOL_MAX = 10;

/**
 * A fresh PostgreSQL database (cloned from the migrated template), a Redis key prefix of its
 * own and an in-process S3/SQS emulator on a random loopback port. Each one registers its
 * teardown as soon as it exists, so a failure half-way still cleans up what was made.
 */
export async function prepareServicesMode(): Promise<ServicesMode> {
  const database = await createTestDatabase();
  defer("drop database", () => database.drop());
  const redis = await createTestRedis();
  defer("delete redis keys", () => redis.cleanup());
  const aws = await startTestAws();
  defer("stop S3/SQS emulator", () => aws.close());
  return {
    databaseName: database.name,
    database,
    redis: { url: redis.url, keyPrefix: redis.keyPrefix },
    env: {
      NODE_ENV: "production",
      // Per-caller budgets would turn a load test into 429s; the bench measures throughput.
      RATE_LIMIT_READS_PER_MINUTE: "1000000000",
      RATE_LIMIT_WRITES_PER_MINUTE: "1000000000",
      // Production on real services needs a mail transport; the bench sends no email.
      MAIL_TRANSPORT: "log",
      HOST: "127.0.0.1",
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: String(DATABASE_POOL_MAX),
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.keyPrefix,
      AWS_ENDPOINT_URL: aws.connection.endpoint,
      AWS_REGION: aws.connection.region,
      S3_BUCKET: aws.bucket,
      SQS_QUEUE_NAME: aws.queueName,
    },
  };
}
