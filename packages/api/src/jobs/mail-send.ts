import type { JobContext, JobPayload } from "@tesseract/queue";
import type { Mailer } from "../mail/mailer.ts";

/**
 * Sends one email. A failure throws, so the worker retries it with backoff and, after the
 * bounded receives, leaves it in the dead-letter queue. A send that succeeded but whose run
 * was not recorded (the worker died in between) is sent again: mail is at least once.
 */
export async function sendMailJob(
  deps: { mailer: Mailer },
  payload: JobPayload<"mail.send">,
  context: Pick<JobContext, "jobId" | "logger">,
): Promise<void> {
  await deps.mailer.send(payload);
  context.logger.info({ subject: payload.subject }, "email sent");
}
