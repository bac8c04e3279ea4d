import type { Logger } from "@tesseract/config";
import type { Database, Json, Kysely } from "@tesseract/db";
import type { TagCache } from "@tesseract/redis";
import type { Storage } from "@tesseract/storage";
import type sharpModule from "sharp";
import { attachmentKeys, THUMBNAIL_TYPES } from "../domain/attachments.ts";

/** Thumbnails fit in this square (pixels), never enlarged. */
export const THUMBNAIL_SIZE = 320;
/** A decompression bomb (a tiny file declaring a huge canvas) is refused before decoding. */
const MAX_INPUT_PIXELS = 50_000_000;

/** The image library (sharp). */
export type ImageLibrary = typeof sharpModule;

/**
 * Loads sharp. It is passed in by the process that runs jobs, so that the package resolves from
 * that app: the worker depends on it, the API server only in the embedded mode (where it runs
 * jobs itself), and a production API server image carries no image library.
 */
export type LoadImageLibrary = () => Promise<ImageLibrary>;

export interface AttachmentProcessDeps {
  db: Kysely<Database>;
  storage: Storage;
  cache: Pick<TagCache, "invalidate">;
  loadImageLibrary: LoadImageLibrary;
  /** Hears the job's end, once the attachment row says so (for live updates). */
  onProcessed?: (
    attachment: { id: string; orgId: string; taskId: string },
    state: "ready" | "failed",
  ) => void;
}

/**
 * The `attachment.process` job: a webp thumbnail of a ready image, and its width and height.
 * Idempotent, as SQS may deliver it more than once: an attachment that already has a
 * thumbnail, is not an image, is no longer ready or is gone is left as it is. An image sharp
 * cannot decode is a permanent failure: it is recorded on the attachment (which stays
 * downloadable, with an icon) instead of being retried; storage failures throw, to be retried.
 */
export async function processAttachment(
  deps: AttachmentProcessDeps,
  job: { attachmentId: string },
  ctx: { logger: Logger },
): Promise<void> {
  const row = await deps.db
    .selectFrom("attachments")
    .select([
      "id",
      "org_id",
      "task_id",
      "status",
      "storage_key",
      "declared_type",
      "thumbnail_key",
      "metadata",
    ])
    .where("id", "=", job.attachmentId)
    .executeTakeFirst();
  if (!row || row.status !== "ready" || !THUMBNAIL_TYPES.has(row.declared_type)) return;
  const metadata = { ...(row.metadata as Record<string, Json>) };
  if (row.thumbnail_key || metadata.thumbnailError) return; // done on an earlier delivery
  const bytes = await deps.storage.read(row.storage_key);
  if (!bytes) return; // deleted since
  const sharp = await deps.loadImageLibrary();
  let thumbnail: Buffer | undefined;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
    const info = await image.metadata();
    // The size a viewer sees: EXIF orientation applied (a portrait photo stored sideways).
    metadata.width = info.autoOrient.width;
    metadata.height = info.autoOrient.height;
    thumbnail = await image
      .autoOrient()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch (err) {
    ctx.logger.warn({ err, attachmentId: row.id }, "image could not be decoded; no thumbnail");
    metadata.thumbnailError = "The image could not be decoded";
  }
  const key = attachmentKeys(row.org_id, row.id).thumbnail;
  if (thumbnail) await deps.storage.put(key, thumbnail, "image/webp");
  const updated = await deps.db
    .updateTable("attachments")
    .set({ metadata: metadata as Json, ...(thumbnail && { thumbnail_key: key }) })
    .where("id", "=", row.id)
    .where("status", "=", "ready")
    .executeTakeFirst();
  // Deleted while the thumbnail was made: nothing points at it, so it goes too.
  if (updated.numUpdatedRows === 0n) {
    if (thumbnail) await deps.storage.remove(key);
    return;
  }
  await deps.cache.invalidate(row.org_id, ["attachments"]);
  deps.onProcessed?.(
    { id: row.id, orgId: row.org_id, taskId: row.task_id },
    thumbnail ? "ready" : "failed",
  );
}
