import type { Database, ExportsTable, Insertable, Kysely, Transaction } from "@tesseract/db";
import { enqueue } from "@tesseract/queue";
import type { Storage } from "@tesseract/storage";
import type { ExportFormat, ExportStatus } from "@tesseract/validators";
import { AppError } from "../errors.ts";

type Executor = Kysely<Database> | Transaction<Database>;

/** How long a finished export can be downloaded. */
export const EXPORT_TTL_DAYS = 7;
/** How long one presigned download link works. */
const DOWNLOAD_URL_SECONDS = 300;

/** Whose exports a call may see: a project's (within one organization) or a person's own. */
export type ExportScope = { orgId: string } | { userId: string };

export interface ExportView {
  id: string;
  kind: "project" | "account";
  projectId: string | null;
  format: ExportFormat;
  status: ExportStatus;
  rowsDone: number;
  rowsTotal: number | null;
  fileName: string;
  sizeBytes: number | null;
  /** Why it failed, in words for the requester (never an internal error's text). */
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date;
  expired: boolean;
}

const columns = [
  "id",
  "kind",
  "project_id",
  "format",
  "status",
  "rows_done",
  "rows_total",
  "file_name",
  "size_bytes",
  "error",
  "created_at",
  "finished_at",
  "expires_at",
] as const;

function selectExports(db: Executor, scope: ExportScope) {
  const query = db.selectFrom("exports").select(columns);
  return "orgId" in scope
    ? query.where("org_id", "=", scope.orgId).where("kind", "=", "project")
    : query.where("requested_by", "=", scope.userId).where("kind", "=", "account");
}

type Row = Awaited<ReturnType<ReturnType<typeof selectExports>["executeTakeFirstOrThrow"]>>;

function toView(row: Row, now: Date): ExportView {
  return {
    id: row.id,
    kind: row.kind as ExportView["kind"],
    projectId: row.project_id,
    format: row.format as ExportFormat,
    status: row.status as ExportStatus,
    rowsDone: row.rows_done,
    rowsTotal: row.rows_total,
    fileName: row.file_name,
    sizeBytes: row.size_bytes,
    error: row.status === "failed" ? (row.error ?? "The export failed") : null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    expiresAt: row.expires_at,
    expired: row.expires_at.getTime() <= now.getTime(),
  };
}

function expiry(now: Date): Date {
  return new Date(now.getTime() + EXPORT_TTL_DAYS * 24 * 3600 * 1000);
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 10);
}

interface RequestOptions {
  now: Date;
  requestId?: string;
}

/**
 * Records a project export and enqueues its job in one transaction: the job runs only if the
 * row exists, and the row never waits for a job that was not written.
 */
export async function requestProjectExport(
  trx: Transaction<Database>,
  orgId: string,
  userId: string,
  input: { projectId: string; format: ExportFormat },
  options: RequestOptions,
): Promise<ExportView> {
  const project = await trx
    .selectFrom("projects")
    .select(["id", "key"])
    .where("org_id", "=", orgId)
    .where("id", "=", input.projectId)
    .executeTakeFirst();
  if (!project) throw new AppError("NOT_FOUND", "Project not found");
  return recordExport(trx, {
    values: {
      org_id: orgId,
      project_id: project.id,
      requested_by: userId,
      kind: "project",
      format: input.format,
      file_name: `${project.key}-tasks-${stamp(options.now)}.${input.format}`,
    },
    job: "export.project",
    options,
  });
}

/** Records an export of everything `userId` wrote or owns and enqueues its job. */
export async function requestAccountExport(
  trx: Transaction<Database>,
  userId: string,
  options: RequestOptions,
): Promise<ExportView> {
  return recordExport(trx, {
    values: {
      requested_by: userId,
      kind: "account",
      format: "json",
      file_name: `tesseract-my-data-${stamp(options.now)}.json`,
    },
    job: "export.account",
    options,
  });
}

/** The export's row and its job, written together (the job's payload names the row). */
async function recordExport(
  trx: Transaction<Database>,
  request: {
    values: Omit<Insertable<ExportsTable>, "expires_at">;
    job: "export.project" | "export.account";
    options: RequestOptions;
  },
): Promise<ExportView> {
  const { now, requestId } = request.options;
  const row = await trx
    .insertInto("exports")
    .values({ ...request.values, expires_at: expiry(now) })
    .returning(columns)
    .executeTakeFirstOrThrow();
  await enqueue(
    trx,
    { type: request.job, payload: { exportId: row.id } },
    { requestId, dedupeKey: `export:${row.id}` },
  );
  return toView(row, now);
}

/** One export in the scope; NOT_FOUND for another organization's or another person's. */
export async function getExport(
  db: Executor,
  scope: ExportScope,
  exportId: string,
  now: Date,
): Promise<ExportView> {
  const row = await selectExports(db, scope).where("id", "=", exportId).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Export not found");
  return toView(row, now);
}

/** The 20 most recent exports in the scope (of one project, when given). */
export async function listExports(
  db: Executor,
  scope: ExportScope,
  filter: { projectId?: string },
  now: Date,
): Promise<ExportView[]> {
  let query = selectExports(db, scope).orderBy("created_at", "desc").orderBy("id").limit(20);
  if (filter.projectId) query = query.where("project_id", "=", filter.projectId);
  return (await query.execute()).map((row) => toView(row, now));
}

/**
 * A short-lived link to a finished export's file, served as an attachment under its file name.
 * Refused while it is being made, after it failed, and once it has expired.
 */
export async function exportDownloadUrl(
  db: Executor,
  storage: Storage,
  scope: ExportScope,
  exportId: string,
  now: Date,
): Promise<{ url: string; fileName: string; expiresInSeconds: number }> {
  const view = await getExport(db, scope, exportId, now);
  if (view.expired) throw new AppError("NOT_FOUND", "This export has expired; make a new one");
  const row = await db
    .selectFrom("exports")
    .select("s3_key")
    .where("id", "=", exportId)
    .executeTakeFirstOrThrow();
  if (view.status !== "ready" || !row.s3_key)
    throw new AppError("CONFLICT", "This export is not ready yet");
  const url = await storage.presignDownload(row.s3_key, {
    fileName: view.fileName,
    contentType: view.format === "csv" ? "text/csv; charset=utf-8" : "application/json",
    expiresInSeconds: DOWNLOAD_URL_SECONDS,
  });
  return { url, fileName: view.fileName, expiresInSeconds: DOWNLOAD_URL_SECONDS };
}
