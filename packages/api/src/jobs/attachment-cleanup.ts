import type { Logger } from "@tesseract/config";
import type { Database, Kysely } from "@tesseract/db";
import type { Storage } from "@tesseract/storage";
import { cleanupStaleUploads } from "../domain/attachment-cleanup.ts";
import { schedulePeriodicJob, sweep } from "./periodic.ts";

/** How often the cleanup runs. */
export const CLEANUP_INTERVAL_MS = 15 * 60_000;

export interface AttachmentCleanupDeps {
  db: Kysely<Database>;
  storage: Storage;
  /** Uploads unfinished for longer than this are abandoned (config.attachments.staleAfterMs). */
  staleAfterMs: number;
  now(): Date;
}

/**
 * The `attachment.cleanup` job: deletes every upload abandoned before now − staleAfterMs, a
 * batch at a time. Safe to run twice at once or again after a crash: each row is deleted once.
 */
export async function cleanupAttachments(
  deps: AttachmentCleanupDeps,
  _payload: unknown,
  ctx: { logger: Logger },
): Promise<number> {
  const olderThan = new Date(deps.now().getTime() - deps.staleAfterMs);
  const total = await sweep((limit) =>
    cleanupStaleUploads(deps.db, deps.storage, { olderThan, limit }),
  );
  if (total > 0) ctx.logger.info({ deleted: total }, "abandoned uploads deleted");
  return total;
}

/** Schedules the next cleanup run (or the current slot's: see `schedulePeriodicJob`). */
export async function scheduleAttachmentCleanup(
  db: Kysely<Database>,
  now: Date,
  which: "current" | "next" = "next",
): Promise<void> {
  await schedulePeriodicJob(
    db,
    { type: "attachment.cleanup", intervalMs: CLEANUP_INTERVAL_MS },
    now,
    which,
  );
}
