import { silentLogger } from "@tesseract/config";
import { createTestDatabase, type TestDatabase } from "@tesseract/db/testing";
import { startTestAws, type TestAws } from "@tesseract/storage/testing";
import { createQueue, type Queue } from "./client.ts";

export interface QueueHarness {
  aws: TestAws;
  database: TestDatabase;
  queue: Queue;
  /** A second client of the same queues (another process's view). */
  connect(overrides?: { endpoint?: string; requestTimeoutMs?: number }): Queue;
  close(): Promise<void>;
}

/** Real PostgreSQL (a database of its own) and the S3/SQS emulator, queues created. */
export async function startQueueHarness(
  options: { maxReceiveCount?: number; visibilityTimeoutSeconds?: number } = {},
): Promise<QueueHarness> {
  const [aws, database] = await Promise.all([startTestAws(), createTestDatabase()]);
  const connect = (overrides: { endpoint?: string; requestTimeoutMs?: number } = {}) =>
    createQueue({
      ...aws.connection,
      ...overrides,
      queueName: aws.queueName,
      deadLetterQueueName: `${aws.queueName}-dlq`,
      maxReceiveCount: options.maxReceiveCount ?? 3,
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 30,
    });
  const queue = connect();
  await queue.ensureQueues();
  return {
    aws,
    database,
    queue,
    connect,
    async close() {
      queue.sqs.destroy();
      await Promise.all([aws.close(), database.drop()]);
    },
  };
}


