import { z } from "zod";
import { orgScoped } from "./organization.ts";
import { taskId } from "./product.ts";
import { textSchema } from "./text.ts";

export const ATTACHMENT_STATUSES = ["pending", "processing", "ready", "failed"] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];

/** The name a file is shown and downloaded under; never part of its storage key. */
export const attachmentFileName = textSchema()
  .trim()
  .min(1, "Name the file")
  .max(255, "Use a file name of at most 255 characters")
  .regex(/^[^\p{Cc}]*$/u, "Remove control characters from the file name");
export const attachmentContentType = textSchema()
  .trim()
  .toLowerCase()
  .max(100)
  .regex(/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/, "Use a media type such as image/png");

export const attachmentId = z.uuid("Unknown attachment");
export const createUploadInput = orgScoped.extend({
  taskId,
  fileName: attachmentFileName,
  contentType: attachmentContentType,
  size: z
    .number()
    .int("Give the size in whole bytes")
    .positive("The file is empty")
    .max(Number.MAX_SAFE_INTEGER),
});
export const attachmentRefInput = orgScoped.extend({ attachmentId });
export const downloadAttachmentInput = attachmentRefInput.extend({
  /** The small webp preview of an image instead of the file itself. */
  variant: z.enum(["original", "thumbnail"]).default("original"),
});
export const listAttachmentsInput = orgScoped.extend({
  taskId,
  cursor: textSchema().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
