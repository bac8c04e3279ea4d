import { createTestDatabase, type TestDatabase } from "@tesseract/db/testing";
import { startTestAws, type TestAws } from "@tesseract/storage/testing";
import { createQueue, type Queue } from "./client.ts";

export interface QueueHarness {
  aws: TestAws;
  database: TestDatabase;
  queue: Queue;
  /** A second client of the same queues (another process's view). */
  connect(overrides?: { endpoint?: string; requestTimeoutMs?: number; queueName?: string }): Queue;
  /** A fresh pair of queues (job + dead-letter) of their own, created. */
  freshQueue(): Promise<Queue & { name: string }>;
  close(): Promise<void>;
}

/** Real PostgreSQL (a database of its own) and the S3/SQS emulator, queues created. */
export async function startQueueHarness(
  options: { maxReceiveCount?: number; visibilityTimeoutSeconds?: number } = {},
): Promise<QueueHarness> {
  const [aws, database] = await Promise.all([startTestAws(), createTestDatabase()]);
  let fresh = 0;
  const connect = ({
    queueName = aws.queueName,
    ...overrides
  }: { endpoint?: string; requestTimeoutMs?: number; queueName?: string } = {}) =>
    createQueue({
      ...aws.connection,
      ...overrides,
      queueName,
      deadLetterQueueName: `${queueName}-dlq`,
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
    async freshQueue() {
      const name = `${aws.queueName}-${++fresh}`;
      const queue = connect({ queueName: name });
      await queue.ensureQueues();
      return Object.assign(queue, { name });
    },
    async close() {
      queue.sqs.destroy();
      await Promise.all([aws.close(), database.drop()]);
    },
  };
}
