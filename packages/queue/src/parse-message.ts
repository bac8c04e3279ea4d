import { envelopeSchema, jobSchema, type Job } from "./jobs.ts";

export type Parsed =
  | { ok: true; envelope: ReturnType<typeof envelopeSchema.parse>; job: Job }
  | { ok: false; jobId: number | undefined; type: string; error: string };

/** A message body as a job of the catalogue, or why it is not one. */
export function parseMessage(body: string | undefined): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(body ?? "");
  } catch {
    return { ok: false, jobId: undefined, type: "unknown", error: "body is not JSON" };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success)
    return { ok: false, jobId: undefined, type: "unknown", error: envelope.error.message };
  const job = jobSchema.safeParse({ type: envelope.data.type, payload: envelope.data.payload });
  if (!job.success)
    return {
      ok: false,
      jobId: envelope.data.id,
      type: envelope.data.type,
      error: job.error.message,
    };
  return { ok: true, envelope: envelope.data, job: job.data };
}
