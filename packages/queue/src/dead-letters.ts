import type { Message } from "@aws-sdk/client-sqs";
import type { Queue } from "./client.ts";
import { envelopeSchema } from "./jobs.ts";

export interface DeadLetter {
  messageId: string;
  /** The job's outbox id and type, when the body is a job envelope. */
  jobId: number | null;
  type: string | null;
  requestId: string | null;
  /** Receives so far (the job queue's count carries over, and each look here adds one). */
  receiveCount: number;
  /** When the job was enqueued, from its envelope. */
  enqueuedAt: string | null;
  /** The first 200 characters of a body that is not a job envelope. */
  preview: string | null;
}

export interface DeadLetters {
  /**
   * Up to `max` messages in the dead-letter queue, without consuming them: each is received
   * (hidden for the queue's visibility timeout) and all are handed back, visible again, before
   * this returns. A message another reader holds at that moment is not listed.
   */
  peek(max?: number): Promise<DeadLetter[]>;
  /**
   * Moves messages back to the job queue: each is sent to the job queue first and deleted
   * from the dead-letter queue only after that send succeeded (a crash in between leaves a
   * copy in both, never none; job handlers are idempotent). Resolves with how many moved; a
   * `messageId` that is not there moves none.
   */
  retry(selector: { messageId: string } | { all: true }): Promise<number>;
}

const MAX_MOVE = 1_000;

/** Looks at and replays the dead-letter queue of `queue`. */
export function createDeadLetters(queue: Queue): DeadLetters {
  const fromDeadLetter = { fromDeadLetter: true } as const;

  /**
   * Receives until the queue has nothing more to give (or `max` distinct messages), offering
   * each to `take`; what it does not take stays hidden until the end, so no message is seen
   * twice, and is then handed back at once.
   */
  async function sweep(max: number, take: (message: Message) => Promise<boolean>) {
    const held: Message[] = [];
    const seen = new Set<string>();
    let taken = 0;
    try {
      while (seen.size < max) {
        const batch = await queue.receive({
          ...fromDeadLetter,
          max: Math.min(10, max - seen.size),
        });
        const fresh = batch.filter((m) => m.MessageId && !seen.has(m.MessageId));
        held.push(...batch.filter((m) => !fresh.includes(m)));
        if (fresh.length === 0) break;
        for (const message of fresh) {
          seen.add(message.MessageId!);
          if (await take(message)) taken++;
          else held.push(message);
        }
      }
    } finally {
      await Promise.all(
        held.map((m) => queue.changeVisibility(m.ReceiptHandle!, 0, fromDeadLetter)),
      );
    }
    return taken;
  }

  return {
    async peek(max = 100) {
      const listed: DeadLetter[] = [];
      await sweep(max, (message) => {
        listed.push(describe(message));
        return Promise.resolve(false);
      });
      return listed;
    },
    async retry(selector) {
      let found = false;
      return sweep(MAX_MOVE, async (message) => {
        if (found) return false;
        if ("messageId" in selector) {
          if (message.MessageId !== selector.messageId) return false;
          found = true;
        }
        await queue.send(message.Body ?? "");
        await queue.acknowledge(message.ReceiptHandle!, fromDeadLetter);
        return true;
      });
    },
  };
}

function describe(message: Message): DeadLetter {
  let job: ReturnType<typeof envelopeSchema.parse> | undefined;
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(message.Body ?? ""));
    job = parsed.success ? parsed.data : undefined;
  } catch {
    job = undefined;
  }
  return {
    messageId: message.MessageId!,
    jobId: job?.id ?? null,
    type: job?.type ?? null,
    requestId: job?.requestId ?? null,
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
    enqueuedAt: job?.enqueuedAt ?? null,
    preview: job ? null : (message.Body ?? "").slice(0, 200),
  };
}
