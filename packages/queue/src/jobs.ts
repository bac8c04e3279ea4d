import { textSchema } from "@tesseract/validators";
import { z } from "zod";

/**
 * The job catalogue: one schema per job type, in one union keyed by `type`. A job is checked
 * against it when it is enqueued and again when the worker receives it. A new job type is a
 * new member here and a handler in the API's job registry.
 */
export const jobSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("mail.send"),
    payload: z.object({
      to: textSchema().max(254),
      subject: textSchema().max(500),
      text: textSchema().max(100_000),
    }),
  }),
  z.object({
    // Writes a project's tasks to S3 as CSV or JSON; the payload names the `exports` row.
    type: z.literal("export.project"),
    payload: z.object({ exportId: z.uuid() }),
  }),
  z.object({
    // Writes everything one person wrote or owns (across their organizations) to S3 as JSON.
    type: z.literal("export.account"),
    payload: z.object({ exportId: z.uuid() }),
  }),
  z.object({
    // A thumbnail and metadata for a newly ready attachment (idempotent on the attachment).
    type: z.literal("attachment.process"),
    payload: z.object({ attachmentId: z.uuid() }),
  }),
  z.object({
    // Deletes abandoned uploads; each run schedules the next (see the API's attachment jobs).
    type: z.literal("attachment.cleanup"),
    payload: z.object({}),
  }),
  z.object({
    // The email of one notification (written only when its recipient wants that kind by email).
    type: z.literal("notification.email"),
    payload: z.object({ notificationId: z.uuid() }),
  }),
  z.object({
    // Does nothing (after an optional pause): for the benchmark, health checks and tests.
    type: z.literal("noop"),
    payload: z.object({
      key: textSchema().max(200).optional(),
      delayMs: z.number().int().min(0).max(60_000).optional(),
    }),
  }),
]);

export type Job = z.infer<typeof jobSchema>;
export type JobType = Job["type"];
export type JobPayload<T extends JobType> = Extract<Job, { type: T }>["payload"];

/** What travels in an SQS message body: the job, its outbox id and the request that caused it. */
export const envelopeSchema = z.object({
  id: z.number().int().positive(),
  type: z.string(),
  payload: z.unknown(),
  requestId: z.string().max(200).optional(),
  enqueuedAt: z.string(),
});

export type Envelope = z.infer<typeof envelopeSchema>;
