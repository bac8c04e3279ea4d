import type { Config } from "@tesseract/config";

/**
 * The variables that point an app at this machine's test services (from `createTestServices`)
 * and keep it quiet: laid over a configuration under test, they change only where it connects.
 */
export function testServiceVariables(test: Config): Record<string, string> {
  return {
    LOG_LEVEL: "silent",
    DATABASE_URL: test.database.url ?? "",
    REDIS_URL: test.redis.url ?? "",
    REDIS_KEY_PREFIX: test.redis.keyPrefix,
    AWS_ENDPOINT_URL: test.aws.endpoint ?? "",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    S3_BUCKET: test.aws.bucket,
    SQS_QUEUE_NAME: test.aws.queueName,
  };
}
