import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
} from "@aws-sdk/client-sqs";

export interface QueueOptions {
  endpoint: string | undefined;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  queueName: string;
  deadLetterQueueName: string;
  /** Receives before a message moves to the dead-letter queue (default 5). */
  maxReceiveCount?: number;
  /** Seconds a received message stays hidden from other consumers (default 60). */
  visibilityTimeoutSeconds?: number;
  requestTimeoutMs?: number;
}

export interface QueueUrls {
  queueUrl: string;
  deadLetterQueueUrl: string;
}

export interface Queue {
  sqs: SQSClient;
  /** Creates the dead-letter queue and the job queue (with its redrive policy) when missing. */
  ensureQueues(): Promise<QueueUrls>;
  ping(): Promise<void>;
  /** Messages waiting (visible) in the job queue and in its dead-letter queue, as SQS counts them. */
  depth(): Promise<{ jobs: number; deadLetters: number }>;
  send(body: string, opts?: { delaySeconds?: number }): Promise<string>;
  /** Sends up to 10 messages in one request; resolves with the entries SQS refused. */
  sendBatch(entries: { id: string; body: string }[]): Promise<{ id: string; error: string }[]>;
  receive(opts?: {
    max?: number;
    waitSeconds?: number;
    fromDeadLetter?: boolean;
    signal?: AbortSignal;
  }): Promise<Message[]>;
  acknowledge(receiptHandle: string, opts?: { fromDeadLetter?: boolean }): Promise<void>;
  /** Deletes up to 10 messages in one request; resolves with the error of each one, or undefined. */
  acknowledgeBatch(receiptHandles: string[]): Promise<(string | undefined)[]>;
  /** Hides a received message for `seconds` more (0 hands it back at once). */
  changeVisibility(
    receiptHandle: string,
    seconds: number,
    opts?: { fromDeadLetter?: boolean },
  ): Promise<void>;
}

// The dead-letter queue keeps messages longer than the source (14 days against 4), so a
// message that failed on the last day of its life can still be inspected and replayed.
const SOURCE_RETENTION_SECONDS = 4 * 24 * 3600;
const DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;

export function createQueue(options: QueueOptions): Queue {
  const sqs = new SQSClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: 2,
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? 25_000,
      connectionTimeout: 2_000,
    },
  });
  let urls: QueueUrls | undefined;

  async function lookup(name: string): Promise<string | undefined> {
    try {
      return (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
    } catch (error) {
      if (isSqsError(error, "QueueDoesNotExist", "NonExistentQueue")) {
        return undefined;
      }
      throw error;
    }
  }

  async function resolveUrls(): Promise<QueueUrls> {
    if (urls) return urls;
    const queueUrl = await lookup(options.queueName);
    const deadLetterQueueUrl = await lookup(options.deadLetterQueueName);
    if (!queueUrl || !deadLetterQueueUrl)
      throw new Error(`queue ${options.queueName} or its dead-letter queue does not exist`);
    urls = { queueUrl, deadLetterQueueUrl };
    return urls;
  }

  /**
   * Creates a queue, or returns the existing one's URL: SQS refuses CreateQueue for a queue
   * that exists with other attributes (one made by infrastructure code, say), and that queue
   * is the operator's to configure.
   */
  async function createOrGet(name: string, attributes: Record<string, string>): Promise<string> {
    try {
      return (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes })))
        .QueueUrl!;
    } catch (error) {
      if (!isSqsError(error, "QueueNameExists", "QueueAlreadyExists")) throw error;
      const url = await lookup(name);
      if (!url) throw error;
      return url;
    }
  }

  return {
    sqs,
    async ensureQueues() {
      const deadLetterQueueUrl = await createOrGet(options.deadLetterQueueName, {
        MessageRetentionPeriod: String(DEAD_LETTER_RETENTION_SECONDS),
      });
      const dlqArn = (
        await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: deadLetterQueueUrl,
            AttributeNames: ["QueueArn"],
          }),
        )
      ).Attributes?.QueueArn;
      const queueUrl = await createOrGet(options.queueName, {
        MessageRetentionPeriod: String(SOURCE_RETENTION_SECONDS),
        VisibilityTimeout: String(options.visibilityTimeoutSeconds ?? 60),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqArn,
          maxReceiveCount: options.maxReceiveCount ?? 5,
        }),
      });
      urls = { queueUrl, deadLetterQueueUrl };
      return urls;
    },
    async ping() {
      const { queueUrl } = await resolveUrls();
      await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: ["ApproximateNumberOfMessages"],
        }),
      );
    },
    async depth() {
      const { queueUrl, deadLetterQueueUrl } = await resolveUrls();
      const count = async (url: string) => {
        const { Attributes } = await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: url,
            AttributeNames: ["ApproximateNumberOfMessages"],
          }),
        );
        return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
      };
      const [jobs, deadLetters] = await Promise.all([count(queueUrl), count(deadLetterQueueUrl)]);
      return { jobs, deadLetters };
    },
    async send(body, opts) {
      const { queueUrl } = await resolveUrls();
      const result = await sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: body,
          DelaySeconds: opts?.delaySeconds,
        }),
      );
      return result.MessageId!;
    },
    async sendBatch(entries) {
      if (entries.length === 0) return [];
      const { queueUrl } = await resolveUrls();
      const result = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: entries.map((entry) => ({ Id: entry.id, MessageBody: entry.body })),
        }),
      );
      return (result.Failed ?? []).map((failed) => ({
        id: failed.Id ?? "",
        error: `${failed.Code ?? "error"}: ${failed.Message ?? ""}`,
      }));
    },
    async receive(opts) {
      const resolved = await resolveUrls();
      const result = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: opts?.fromDeadLetter ? resolved.deadLetterQueueUrl : resolved.queueUrl,
          MaxNumberOfMessages: opts?.max ?? 10,
          WaitTimeSeconds: opts?.waitSeconds ?? 0,
          MessageSystemAttributeNames: ["ApproximateReceiveCount"],
        }),
        opts?.signal ? { abortSignal: opts.signal } : {},
      );
      return result.Messages ?? [];
    },
    async changeVisibility(receiptHandle, seconds, opts) {
      const resolved = await resolveUrls();
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: opts?.fromDeadLetter ? resolved.deadLetterQueueUrl : resolved.queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: seconds,
        }),
      );
    },
    async acknowledgeBatch(receiptHandles) {
      if (receiptHandles.length === 0) return [];
      const { queueUrl } = await resolveUrls();
      const result = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: receiptHandles.map((handle, i) => ({ Id: String(i), ReceiptHandle: handle })),
        }),
      );
      const errors = new Map(
        (result.Failed ?? []).map((f) => [f.Id, `${f.Code ?? "error"}: ${f.Message ?? ""}`]),
      );
      return receiptHandles.map((_, i) => errors.get(String(i)));
    },
    async acknowledge(receiptHandle, opts) {
      const resolved = await resolveUrls();
      await sqs.send(
        new DeleteMessageCommand({
          QueueUrl: opts?.fromDeadLetter ? resolved.deadLetterQueueUrl : resolved.queueUrl,
          ReceiptHandle: receiptHandle,
        }),
      );
    },
  };
}

/** SQS reports errors by modeled name or by the older query-protocol name (AWS.SimpleQueueService.X). */
function isSqsError(error: unknown, ...names: string[]): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" && names.some((n) => name === n || name.endsWith(`.${n}`));
}
