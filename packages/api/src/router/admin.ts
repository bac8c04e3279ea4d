import { createDeadLetters } from "@tesseract/queue";
import {
  deadLetterListOutput,
  deadLetterRetryInput,
  deadLetterRetryOutput,
  failedJobsInput,
  jobPageOutput,
  listJobsInput,
} from "@tesseract/validators";
import type { Context } from "../context.ts";
import { listJobs } from "../domain/admin-jobs.ts";
import { AppError } from "../errors.ts";
import { adminProcedure, router } from "../trpc.ts";

function deadLetters(ctx: Context) {
  return createDeadLetters(ctx.services.queue);
}

/** Platform operators: the job queue's history and its dead letters. */
export const adminRouter = router({
  jobs: router({
    /** Recent jobs with their runs, newest first, by state and type. */
    list: adminProcedure
      .meta({ summary: "Recent background jobs (platform admins)", rateLimit: "read" })
      .input(listJobsInput)
      .output(jobPageOutput)
      .query(({ ctx, input }) => listJobs(ctx.services.db, input)),

    /** Jobs whose latest run failed. */
    failed: adminProcedure
      .meta({ summary: "Failed background jobs (platform admins)", rateLimit: "read" })
      .input(failedJobsInput)
      .output(jobPageOutput)
      .query(({ ctx, input }) => listJobs(ctx.services.db, { ...input, state: "failed" })),
  }),

  deadLetters: router({
    /** What the dead-letter queue holds, looked at without taking it (see DeadLetters.peek). */
    list: adminProcedure
      .meta({ summary: "Jobs in the dead-letter queue (platform admins)", rateLimit: "read" })
      .output(deadLetterListOutput)
      .query(async ({ ctx }) => ({ messages: await deadLetters(ctx).peek(100) })),

    /** Moves one message (or all) back to the job queue. */
    retry: adminProcedure
      .meta({ summary: "Send a dead-lettered job again (platform admins)", rateLimit: "write" })
      .input(deadLetterRetryInput)
      .output(deadLetterRetryOutput)
      .mutation(async ({ ctx, input }) => {
        const moved = await deadLetters(ctx).retry(
          "all" in input ? { all: true } : { messageId: input.messageId },
        );
        if ("messageId" in input && moved === 0)
          throw new AppError("NOT_FOUND", "That message is no longer in the dead-letter queue");
        ctx.logger.info(
          { moved, userId: ctx.auth.user.id },
          "dead letters moved back to the queue",
        );
        return { moved };
      }),
  }),
});
