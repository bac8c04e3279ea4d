import { CreateQueueCommand, GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { startTestAws, type TestAws } from "@tesseract/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueue, type Queue } from "./client.ts";

let aws: TestAws;
let queue: Queue;
beforeAll(async () => {
  aws = await startTestAws();
  queue = createQueue({
    ...aws.connection,
    queueName: aws.queueName,
    deadLetterQueueName: `${aws.queueName}-dlq`,
    maxReceiveCount: 2,
    visibilityTimeoutSeconds: 1,
  });
});
afterAll(async () => {
  await aws.close();
});

describe("queue", () => {
  it("reports the queue as unhealthy before it exists", async () => {
    await expect(queue.ping()).rejects.toThrow(/does not exist/);
  });

  it("creates the queue and its dead-letter queue, idempotently", async () => {
    const first = await queue.ensureQueues();
    const second = await queue.ensureQueues();
    expect(second).toEqual(first);
    await queue.ping();
    const attributes = async (url: string) =>
      (
        await queue.sqs.send(
          new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] }),
        )
      ).Attributes ?? {};
    const source = await attributes(first.queueUrl);
    const dlq = await attributes(first.deadLetterQueueUrl);
    expect(JSON.parse(source.RedrivePolicy ?? "{}")).toMatchObject({
      deadLetterTargetArn: dlq.QueueArn,
      maxReceiveCount: 2,
    });
    expect(Number(dlq.MessageRetentionPeriod)).toBeGreaterThan(
      Number(source.MessageRetentionPeriod),
    );
  });

  it("adopts queues that already exist with other attributes", async () => {
    const other = createQueue({
      ...aws.connection,
      queueName: `${aws.queueName}-ops`,
      deadLetterQueueName: `${aws.queueName}-ops-dlq`,
    });
    await other.sqs.send(
      new CreateQueueCommand({
        QueueName: `${aws.queueName}-ops`,
        Attributes: { VisibilityTimeout: "7" },
      }),
    );
    const urls = await other.ensureQueues();
    expect(urls.queueUrl).toContain(`${aws.queueName}-ops`);
    await other.ping();
  });

  it("delivers, and moves a message that keeps failing to the dead-letter queue", async () => {
    await queue.ensureQueues();
    await queue.send(JSON.stringify({ type: "poison" }));
    // Receive without acknowledging until the redrive policy gives up on it.
    for (let i = 0; i < 2; i++) {
      await expect
        .poll(() => queue.receive({ max: 1 }).then((m) => m.length), {
          timeout: 5_000,
          interval: 200,
        })
        .toBe(1);
    }
    // The move happens on the receive that would exceed maxReceiveCount; keep asking the source.
    await expect
      .poll(
        async () => {
          await queue.receive({ max: 1 });
          return (await queue.receive({ fromDeadLetter: true, max: 1 }))[0]?.Body;
        },
        { timeout: 5_000, interval: 200 },
      )
      .toBe(JSON.stringify({ type: "poison" }));
  });
});
