import { z } from "zod";
import { ATTACHMENT_STATUSES } from "../attachment.ts";
import { pageOutput } from "./common.ts";

export const createUploadOutput = z.object({
  attachmentId: z.string(),
  /** A presigned POST: send the fields and then the file as multipart/form-data to `url`. */
  upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
  expiresAt: z.date(),
});

export const attachmentOutput = z.object({
  id: z.string(),
  taskId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  status: z.enum(ATTACHMENT_STATUSES),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  hasThumbnail: z.boolean(),
  thumbnailPending: z.boolean(),
  uploaderId: z.string().nullable(),
  uploaderName: z.string().nullable(),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
});
export const attachmentPageOutput = pageOutput(attachmentOutput, z.string());

export const attachmentDownloadOutput = z.object({ url: z.string(), expiresAt: z.date() });
