import { z } from "zod";
import { EXPORT_FORMATS, EXPORT_STATUSES } from "../exports.ts";

/** An export job and, once ready, its file (`project.export`, `export.*`, `account.export*`). */
export const exportOutput = z.object({
  id: z.string(),
  kind: z.enum(["project", "account"]),
  projectId: z.string().nullable(),
  format: z.enum(EXPORT_FORMATS),
  status: z.enum(EXPORT_STATUSES),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int().nullable(),
  fileName: z.string(),
  sizeBytes: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  expiresAt: z.date(),
  /** Past `expiresAt`: the file is gone. */
  expired: z.boolean(),
});
export const exportListOutput = z.array(exportOutput);
