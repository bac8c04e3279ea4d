import type { JobContext, JobPayload } from "@tesseract/queue";
import { setTimeout as delay } from "node:timers/promises";

/** Does nothing, after an optional pause (cut short when the job is handed back). */
export async function noopJob(
  payload: JobPayload<"noop">,
  context: Pick<JobContext, "signal">,
): Promise<void> {
  if (payload.delayMs) await delay(payload.delayMs, undefined, { signal: context.signal });
}
