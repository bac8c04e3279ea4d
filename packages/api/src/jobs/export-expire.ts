import type { Logger } from "@tesseract/config";
import type { Database, Kysely } from "@tesseract/db";
import type { Storage } from "@tesseract/storage";
import { deleteExpiredExportFiles } from "../domain/export-expiry.ts";
import { schedulePeriodicJob, sweep, type PeriodicJob } from "./periodic.ts";

/** The `export.expire` job: hourly. */
export const EXPORT_EXPIRY: PeriodicJob = { type: "export.expire", intervalMs: 60 * 60_000 };

/**
 * Deletes the files of every export expired by now, a batch at a time, then schedules the next
 * run. Safe to run twice at once or again after a crash (see `deleteExpiredExportFiles`).
 */
export async function expireExports(
  deps: { db: Kysely<Database>; storage: Storage; now(): Date },
  ctx: { logger: Logger },
): Promise<number> {
  const total = await sweep((limit) =>
    deleteExpiredExportFiles(deps.db, deps.storage, { now: deps.now(), limit }),
  );
  if (total > 0) ctx.logger.info({ deleted: total }, "files of expired exports deleted");
  await schedulePeriodicJob(deps.db, EXPORT_EXPIRY, deps.now());
  return total;
}
