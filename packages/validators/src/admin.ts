import { z } from "zod";
import { JOB_STATE_FILTERS } from "./constants.ts";
import { textSchema } from "./text.ts";

export const listJobsInput = z.object({
  state: z.enum(JOB_STATE_FILTERS, { message: "Unknown job state" }).optional(),
  type: textSchema().max(100).optional(),
  /** The previous page's nextCursor. */
  cursor: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const failedJobsInput = listJobsInput.omit({ state: true });

export const deadLetterRetryInput = z.union([
  z.object({ messageId: textSchema().min(1).max(200) }),
  z.object({ all: z.literal(true) }),
]);
