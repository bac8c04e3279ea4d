import { z } from "zod";

/** A W3C trace id: 32 lowercase hex digits, not all zero. */
export const devTraceInput = z.object({
  traceId: z
    .string()
    .regex(/^(?!0{32})[0-9a-f]{32}$/, "A trace id is 32 lowercase hexadecimal digits"),
});

export const devTracesInput = z
  .object({ limit: z.number().int().min(1).max(200).default(50) })
  .default({ limit: 50 });
