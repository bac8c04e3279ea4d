import { z } from "zod";
import { JOB_STATE_FILTERS } from "../constants.ts";

export const healthOutput = z.object({
  status: z.enum(["ok", "degraded", "down"]),
  checkedAt: z.date(),
  services: z.array(
    z.object({
      name: z.enum(["database", "redis", "storage", "queue"]),
      status: z.enum(["ok", "down"]),
      latencyMs: z.number(),
      detail: z.string(),
      error: z.string().optional(),
    }),
  ),
});
export const infoOutput = z.object({
  name: z.string(),
  mode: z.enum(["services", "embedded", "mixed"]),
  demoData: z.boolean(),
  limits: z.object({ maxBatchSize: z.number().int() }),
});
export const runtimeOutput = z.object({
  version: z.string(),
  environment: z.enum(["development", "production", "test"]),
  node: z.string(),
  uptimeSeconds: z.number(),
  startedAt: z.date(),
});

/** Background jobs and their runs, newest first (`admin.jobs.*`, `dev.jobs`). */
export const jobPageOutput = z.object({
  jobs: z.array(
    z.object({
      id: z.number().int(),
      type: z.string(),
      state: z.enum(JOB_STATE_FILTERS),
      requestId: z.string().nullable(),
      traceId: z.string().nullable(),
      createdAt: z.date(),
      sentAt: z.date().nullable(),
      runs: z.array(
        z.object({
          id: z.number().int(),
          attempt: z.number().int(),
          status: z.string(),
          error: z.string().nullable(),
          startedAt: z.date(),
          finishedAt: z.date().nullable(),
          durationMs: z.number().nullable(),
        }),
      ),
    }),
  ),
  nextCursor: z.number().int().nullable(),
});
export const deadLetterListOutput = z.object({
  messages: z.array(
    z.object({
      messageId: z.string(),
      jobId: z.number().int().nullable(),
      type: z.string().nullable(),
      requestId: z.string().nullable(),
      receiveCount: z.number().int(),
      /** When the message first entered the queue, as an ISO 8601 string. */
      enqueuedAt: z.string().nullable(),
      preview: z.string().nullable(),
    }),
  ),
});
export const deadLetterRetryOutput = z.object({ moved: z.number().int() });

export const devInboxOutput = z.array(
  z.object({
    id: z.string(),
    sentAt: z.date(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
  }),
);
export const devTracesOutput = z.array(
  z.object({
    traceId: z.string(),
    name: z.string(),
    startMs: z.number(),
    durationMs: z.number(),
    spanCount: z.number().int(),
    hasError: z.boolean(),
  }),
);
export const devTraceOutput = z.array(
  z.object({
    traceId: z.string(),
    spanId: z.string(),
    parentSpanId: z.string().optional(),
    name: z.string(),
    service: z.string(),
    startMs: z.number(),
    durationMs: z.number(),
    status: z.enum(["ok", "error"]),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  }),
);
export const devSlowestOutput = z.array(
  z.object({
    procedure: z.string(),
    calls: z.number().int(),
    errors: z.number().int(),
    p50Ms: z.number(),
    p95Ms: z.number(),
    maxMs: z.number(),
    slowestTraceId: z.string(),
  }),
);
export const seedDemoOutput = z.object({ orgId: z.string(), created: z.boolean() });
