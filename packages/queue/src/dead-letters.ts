import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import { envelopeSchema } from "./jobs.ts";

export interface DeadLetter {
  messageId: string;
  /** The job's outbox id and type, when the body is a job envelope. */
  jobId: number | null;
  type: string | null;
  requestId: string | null;
  /** Receives before it was moved here (the source queue's count carries over). */
  receiveCount: number;
  /** When it was first sent to the job queue. */
  sentAt: Date | null;
  /** The first 200 characters of a body that is not a job envelope. */
  preview: string | null;
}

export interface DeadLetters {
  /**
   * Up to `max` messages in the dead-letter queue, without consuming them: each is received
   * with a short visibility timeout, and all are handed back (visible again) before this
   * returns. A message a second reader holds at that moment is not listed.
   */
  peek(max?: number): Promise<DeadLetter[]>;
  /**
   * Moves messages back to the job queue: each is sent to the job queue first and deleted
   * from the dead-letter queue only after that send succeeded (a crash in between leaves a
   * copy in both, never none; the job's handlers are idempotent). Resolves with how many
   * moved; `messageId` that is not there moves none.
   */
  retry(selector: { messageId: string } | { all: true }): Promise<number>;
}

// Long enough to finish one listing or move; short enough that a crashed reader hides little.
const HOLD_SECONDS = 30;
const MAX_MOVE = 1_000;

export function createDeadLetters(options: {
  sqs: SQSClient;
  queueName: string;
  deadLetterQueueName: string;
}): DeadLetters {
  const { sqs } = options;
  let urls: { queueUrl: string; deadLetterQueueUrl: string } | undefined;

  async function resolve() {
    if (urls) return urls;
    const [queueUrl, deadLetterQueueUrl] = await Promise.all(
      [options.queueName, options.deadLetterQueueName].map(
        async (name) => (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!,
      ),
    );
    urls = { queueUrl: queueUrl!, deadLetterQueueUrl: deadLetterQueueUrl! };
    return urls;
  }

  async function receive(max: number): Promise<Message[]> {
    const { deadLetterQueueUrl } = await resolve();
    const result = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: deadLetterQueueUrl,
        MaxNumberOfMessages: Math.min(10, max),
        VisibilityTimeout: HOLD_SECONDS,
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: ["ApproximateReceiveCount", "SentTimestamp"],
      }),
    );
    return result.Messages ?? [];
  }

  /** Makes held messages visible again at once (batches of 10). */
  async function release(messages: Message[]): Promise<void> {
    const { deadLetterQueueUrl } = await resolve();
    for (let i = 0; i < messages.length; i += 10) {
      await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: deadLetterQueueUrl,
          Entries: messages.slice(i, i + 10).map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle!,
            VisibilityTimeout: 0,
          })),
        }),
      );
    }
  }

  /** Receives until the queue has nothing more to give (or `max`), holding what it got. */
  async function receiveAll(max: number, take: (message: Message) => Promise<boolean>) {
    const held: Message[] = [];
    const seen = new Set<string>();
    let taken = 0;
    try {
      while (seen.size < max) {
        const batch = await receive(max - seen.size);
        const fresh = batch.filter((m) => m.MessageId && !seen.has(m.MessageId));
        if (fresh.length === 0) {
          held.push(...batch);
          break;
        }
        for (const message of fresh) {
          seen.add(message.MessageId!);
          if (await take(message)) taken++;
          else held.push(message);
        }
        held.push(...batch.filter((m) => !fresh.includes(m)));
      }
    } finally {
      await release(held);
    }
    return taken;
  }

  return {
    async peek(max = 100) {
      const listed: DeadLetter[] = [];
      await receiveAll(max, async (message) => {
        listed.push(describe(message));
        return false;
      });
      return listed;
    },
    async retry(selector) {
      const { queueUrl, deadLetterQueueUrl } = await resolve();
      let found = false;
      return receiveAll(MAX_MOVE, async (message) => {
        if (found) return false;
        if ("messageId" in selector) {
          if (message.MessageId !== selector.messageId) return false;
          found = true;
        }
        await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: message.Body! }));
        await sqs.send(
          new DeleteMessageCommand({
            QueueUrl: deadLetterQueueUrl,
            ReceiptHandle: message.ReceiptHandle!,
          }),
        );
        return true;
      });
    },
  };
}

function describe(message: Message): DeadLetter {
  const attributes = message.Attributes ?? {};
  const sent = Number(attributes.SentTimestamp);
  let envelope: ReturnType<typeof envelopeSchema.safeParse> | undefined;
  try {
    envelope = envelopeSchema.safeParse(JSON.parse(message.Body ?? ""));
  } catch {
    envelope = undefined;
  }
  const job = envelope?.success ? envelope.data : undefined;
  return {
    messageId: message.MessageId!,
    jobId: job?.id ?? null,
    type: job?.type ?? null,
    requestId: job?.requestId ?? null,
    receiveCount: Number(attributes.ApproximateReceiveCount ?? 0),
    sentAt: Number.isFinite(sent) && sent > 0 ? new Date(sent) : null,
    preview: job ? null : (message.Body ?? "").slice(0, 200),
  };
}
