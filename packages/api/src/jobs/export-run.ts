import type { Readable } from "node:stream";
import type { Database, ExportsTable, Kysely, Selectable, Transaction } from "@tesseract/db";
import { enqueue, type JobContext } from "@tesseract/queue";
import { uploadStream, type Storage } from "@tesseract/storage";

/** What the export jobs need from the process: no request, no session. */
export interface ExportJobDeps {
  db: Kysely<Database>;
  storage: Storage;
  /** The web app's address, for the link in the email. */
  publicUrl: string;
  /** Multipart part size in bytes (default and minimum 5 MiB). */
  partSize?: number;
  /** Hears each step of an export's progress after it is recorded (for live updates). */
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportProgress {
  exportId: string;
  /** The organization of a project export; null for a person's own data. */
  orgId: string | null;
  /** Who asked for it (a person's own-data export is followed on their own stream). */
  requestedBy: string;
  state: "running" | "ready" | "failed" | "queued";
  done: number;
  total: number;
}

export type ExportRow = Selectable<ExportsTable>;

/** What one kind of export writes: its rows' count, then its bytes. */
export interface ExportBody {
  total: number;
  contentType: string;
  open(onRows: (rows: number) => Promise<void>): Promise<Readable>;
}

/** After this many failed attempts an export shows as failed (a later retry may still finish it). */
const ATTEMPTS_BEFORE_FAILED = 3;

/**
 * Runs one export, idempotent on its id: the file goes to a key derived from the id (a rerun
 * replaces it, so there is only ever one file), a finished export is not made again, and the
 * email is enqueued in the same transaction that marks the export notified (so exactly once).
 */
export async function runExport(
  deps: ExportJobDeps,
  exportId: string,
  context: JobContext,
  body: (row: ExportRow) => Promise<ExportBody | undefined>,
): Promise<void> {
  const { db } = deps;
  const row = await db
    .selectFrom("exports")
    .selectAll()
    .where("id", "=", exportId)
    .executeTakeFirst();
  if (!row) {
    // Its project (or its requester) was deleted since: nothing left to export.
    context.logger.info({ exportId }, "export no longer exists; nothing to do");
    return;
  }
  if (row.status === "ready") {
    await db.transaction().execute((trx) => notify(trx, deps, row, context));
    return;
  }
  try {
    const source = await body(row);
    if (!source) {
      await finish(db, exportId, { status: "failed", error: "What was exported no longer exists" });
      return;
    }
    let done = 0;
    const progress = (state: ExportProgress["state"]) => {
      deps.onProgress?.({
        exportId,
        orgId: row.org_id,
        requestedBy: row.requested_by,
        state,
        done,
        total: source.total,
      });
    };
    await db
      .updateTable("exports")
      .set({ status: "running", started_at: new Date(), rows_done: 0, rows_total: source.total })
      .where("id", "=", exportId)
      .execute();
    progress("running");
    const stream = await source.open(async (rows) => {
      done += rows;
      await db.updateTable("exports").set({ rows_done: done }).where("id", "=", exportId).execute();
      progress("running");
    });
    const key = exportKey(row);
    const uploaded = await uploadStream(deps.storage, key, stream, {
      contentType: source.contentType,
      partSize: deps.partSize,
      signal: context.signal,
    });
    await db.transaction().execute(async (trx) => {
      const ready = await trx
        .updateTable("exports")
        .set({
          status: "ready",
          s3_key: key,
          size_bytes: uploaded.size,
          rows_done: done,
          rows_total: Math.max(done, source.total),
          error: null,
          finished_at: new Date(),
        })
        .where("id", "=", exportId)
        .returningAll()
        .executeTakeFirst();
      if (ready) await notify(trx, deps, ready, context);
    });
    progress("ready");
    context.logger.info(
      { exportId, rows: done, bytes: uploaded.size, parts: uploaded.parts },
      "export ready",
    );
  } catch (err) {
    const final = context.attempt >= ATTEMPTS_BEFORE_FAILED;
    deps.onProgress?.({
      exportId,
      orgId: row.org_id,
      requestedBy: row.requested_by,
      state: final ? "failed" : "queued",
      done: 0,
      total: 0,
    });
    await finish(db, exportId, {
      status: final ? "failed" : "queued",
      error: final
        ? "The export could not be completed; try again later"
        : "The export hit a problem and will be tried again",
    }).catch((bookkeeping: unknown) => {
      context.logger.warn({ err: bookkeeping, exportId }, "could not record the export's failure");
    });
    throw err;
  }
}

function finish(
  db: Kysely<Database>,
  exportId: string,
  outcome: { status: "failed" | "queued"; error: string },
) {
  return db
    .updateTable("exports")
    .set({ ...outcome, finished_at: outcome.status === "failed" ? new Date() : null })
    .where("id", "=", exportId)
    .where("status", "!=", "ready")
    .execute();
}

/** The export's object key: fixed by its id, under its organization (or its person). */
export function exportKey(row: Pick<ExportRow, "id" | "org_id" | "requested_by" | "format">) {
  const file = `${row.id}.${row.format}`;
  return row.org_id
    ? `org/${row.org_id}/exports/${file}`
    : `user/${row.requested_by}/exports/${file}`;
}

/** Enqueues the "your export is ready" email unless an earlier run already did. */
async function notify(
  trx: Transaction<Database>,
  deps: ExportJobDeps,
  row: ExportRow,
  context: JobContext,
): Promise<void> {
  const claimed = await trx
    .updateTable("exports")
    .set({ notified_at: new Date() })
    .where("id", "=", row.id)
    .where("notified_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!claimed) return;
  const person = await trx
    .selectFrom("users")
    .select(["email", "name"])
    .where("id", "=", row.requested_by)
    .executeTakeFirst();
  if (!person) return;
  const link = new URL(
    row.org_id ? `/orgs/${row.org_id}/exports/${row.id}` : "/account#your-data",
    deps.publicUrl,
  ).toString();
  const what = row.kind === "project" ? `Your export ${row.file_name}` : "Your data export";
  await enqueue(
    trx,
    {
      type: "mail.send",
      payload: {
        to: person.email,
        subject: `${what} is ready`,
        text: [
          `Hi ${person.name},`,
          "",
          `${what} is ready to download:`,
          link,
          "",
          `The file can be downloaded until ${row.expires_at.toUTCString()}.`,
        ].join("\n"),
      },
    },
    { requestId: context.requestId, dedupeKey: `export-ready:${row.id}` },
  );
}
