import { randomUUID } from "node:crypto";
import { sql, type Database, type Kysely, type SqlBool, type Transaction } from "@tesseract/db";
import { objectKey, type PresignedPost, type Storage } from "@tesseract/storage";
import type { AttachmentStatus, Role } from "@tesseract/validators";
import { z } from "zod";
import { enqueue } from "@tesseract/queue";
import { recordActivity } from "../activity.ts";
import type { Actor } from "../auth/actor.ts";
import { can } from "../auth/permissions.ts";
import { AppError } from "../errors.ts";
import { checkUploadedObject } from "./attachment-checks.ts";
import { cursorValue, decodeCursor, encodeCursor } from "./cursor.ts";
import { getTask } from "./tasks.ts";

/** What attachments may be (config.attachments). */
export interface AttachmentLimits {
  maxBytes: number;
  allowedTypes: readonly string[];
  orgQuotaBytes: number;
  uploadUrlSeconds: number;
  downloadUrlSeconds: number;
}

export interface AttachmentDeps {
  storage: Storage;
  limits: AttachmentLimits;
  now(): Date;
}

/** Images the attachment.process job makes a thumbnail of; other files keep their icon. */
export const THUMBNAIL_TYPES: ReadonlySet<string> = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
]);

/** The key of an attachment's file and of its thumbnail: server-chosen ids only. */
export const attachmentKeys = (orgId: string, attachmentId: string) => ({
  original: objectKey(orgId, "attachments", attachmentId, "original"),
  thumbnail: objectKey(orgId, "attachments", attachmentId, "thumbnail.webp"),
});

function selectAttachments(db: Kysely<Database>) {
  return db
    .selectFrom("attachments as a")
    .leftJoin("users as u", "u.id", "a.uploader_id")
    .select([
      "a.id",
      "a.task_id as taskId",
      "a.file_name as fileName",
      "a.declared_type as contentType",
      "a.size",
      "a.status",
      "a.uploader_id as uploaderId",
      "u.name as uploaderName",
      "a.metadata",
      sql<boolean>`a.thumbnail_key is not null`.as("hasThumbnail"),
      "a.created_at as createdAt",
      "a.completed_at as completedAt",
    ]);
}

type AttachmentRow = Awaited<
  ReturnType<ReturnType<typeof selectAttachments>["executeTakeFirstOrThrow"]>
>;

function toAttachment({ metadata, ...row }: AttachmentRow) {
  const meta = (metadata ?? {}) as { width?: number; height?: number; thumbnailError?: string };
  return {
    ...row,
    status: row.status as AttachmentStatus,
    width: meta.width ?? null,
    height: meta.height ?? null,
    /** An image whose thumbnail the attachment.process job has yet to make. */
    thumbnailPending:
      THUMBNAIL_TYPES.has(row.contentType) && !row.hasThumbnail && !meta.thumbnailError,
  };
}

export type Attachment = ReturnType<typeof toAttachment>;

/** Bytes the organization holds: files ready or being checked, and uploads in progress. */
export async function storageUsed(db: Kysely<Database>, orgId: string): Promise<number> {
  const row = await db
    .selectFrom("attachments")
    .select(sql<number>`coalesce(sum(size), 0)::bigint`.as("used"))
    .where("org_id", "=", orgId)
    .where("status", "!=", "failed")
    .executeTakeFirstOrThrow();
  return row.used;
}

export interface NewUpload {
  taskId: string;
  fileName: string;
  contentType: string;
  size: number;
}

/**
 * Starts an upload: refuses types outside the allowlist, files over the size limit and files
 * the organization's quota cannot hold, then records a pending attachment and returns a
 * presigned POST for exactly its key, size and type. The attachment exists only once
 * `completeUpload` has checked what arrived.
 */
export async function createUpload(
  trx: Transaction<Database>,
  deps: AttachmentDeps,
  orgId: string,
  actor: Actor,
  input: NewUpload,
): Promise<{ attachmentId: string; upload: PresignedPost; expiresAt: Date }> {
  const { limits } = deps;
  if (!limits.allowedTypes.includes(input.contentType))
    throw new AppError("BAD_REQUEST", `Files of type ${input.contentType} cannot be attached`);
  if (input.size > limits.maxBytes)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The file is too large: attachments may have at most ${formatBytes(limits.maxBytes)}`,
    );
  const task = await getTask(trx, orgId, input.taskId);
  // Locking the organization row serializes its uploads: two starts cannot both fit the quota.
  await trx.selectFrom("organizations").select("id").where("id", "=", orgId).forUpdate().execute();
  const used = await storageUsed(trx, orgId);
  if (used + input.size > limits.orgQuotaBytes)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `Your organization's storage is full: ${formatBytes(used)} of ${formatBytes(limits.orgQuotaBytes)} used`,
    );
  const attachmentId = randomUUID();
  const key = attachmentKeys(orgId, attachmentId).original;
  await trx
    .insertInto("attachments")
    .values({
      id: attachmentId,
      org_id: orgId,
      task_id: task.id,
      uploader_id: actor.actorUserId,
      storage_key: key,
      file_name: input.fileName,
      declared_type: input.contentType,
      size: input.size,
    })
    .execute();
  const upload = await deps.storage.presignPost(key, {
    contentType: input.contentType,
    size: input.size,
    expiresInSeconds: limits.uploadUrlSeconds,
  });
  const expiresAt = new Date(deps.now().getTime() + limits.uploadUrlSeconds * 1_000);
  return { attachmentId, upload, expiresAt };
}

/** An upload whose object has passed the checks, waiting to be made ready. */
export interface VerifiedUpload {
  attachmentId: string;
  sniffedType: string | null;
}

/**
 * The first half of completing an upload (only its uploader may): claims it (pending →
 * processing, so of two concurrent completes one checks and the other is told to wait) and
 * checks the stored object (see attachment-checks.ts). A refusal deletes the object, marks the
 * upload failed with the reason and throws BAD_REQUEST. Storage outside any transaction: each
 * step is one statement, committed as it happens. An attachment already ready is answered as
 * it is; `makeUploadReady` finishes a verified one in the procedure's transaction.
 */
export async function verifyUpload(
  db: Kysely<Database>,
  deps: AttachmentDeps,
  orgId: string,
  actor: Actor,
  attachmentId: string,
): Promise<{ ready: Attachment } | { verified: VerifiedUpload }> {
  const row = await db
    .selectFrom("attachments")
    .select(["id", "status", "storage_key", "declared_type", "size", "failure"])
    .where("org_id", "=", orgId)
    .where("id", "=", attachmentId)
    .where("uploader_id", "=", actor.actorUserId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Upload not found");
  const claimed = await db
    .updateTable("attachments")
    .set({ status: "processing" })
    .where("id", "=", row.id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) {
    if (row.status === "ready") return { ready: await getAttachment(db, orgId, row.id) };
    if (row.status === "failed")
      throw new AppError("BAD_REQUEST", `This upload was refused: ${row.failure ?? "unknown"}`);
    throw new AppError("CONFLICT", "This upload is being checked; try again in a moment");
  }
  let check: Awaited<ReturnType<typeof checkUploadedObject>>;
  try {
    check = await checkUploadedObject(deps.storage, row.storage_key, {
      contentType: row.declared_type,
      size: row.size,
    });
  } catch (error) {
    // Storage is unreachable: hand the upload back so a retry can check it.
    await db
      .updateTable("attachments")
      .set({ status: "pending" })
      .where("id", "=", row.id)
      .execute();
    throw error;
  }
  if (!check.ok) {
    await deps.storage.remove(row.storage_key);
    await db
      .updateTable("attachments")
      .set({ status: "failed", failure: check.reason, completed_at: deps.now() })
      .where("id", "=", row.id)
      .execute();
    throw new AppError("BAD_REQUEST", check.reason);
  }
  return { verified: { attachmentId: row.id, sniffedType: check.sniffedType } };
}

/**
 * Makes a verified upload an attachment: ready, its activity row, and the `attachment.process`
 * job (thumbnail, metadata) in the same transaction, so the job exists if and only if the
 * attachment does. NOT_FOUND when the cleanup deleted the upload meanwhile.
 */
export async function makeUploadReady(
  trx: Transaction<Database>,
  deps: Pick<AttachmentDeps, "now">,
  orgId: string,
  actor: Actor,
  upload: VerifiedUpload & { requestId?: string },
): Promise<Attachment> {
  const updated = await trx
    .updateTable("attachments")
    .set({ status: "ready", sniffed_type: upload.sniffedType, completed_at: deps.now() })
    .where("org_id", "=", orgId)
    .where("id", "=", upload.attachmentId)
    .where("status", "=", "processing")
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new AppError("NOT_FOUND", "Upload not found");
  const attachment = await getAttachment(trx, orgId, upload.attachmentId);
  const task = await getTask(trx, orgId, attachment.taskId);
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId: task.projectId,
    action: "attachment.added",
    targetType: "task",
    targetId: task.id,
    data: { key: task.key, attachmentId: attachment.id, fileName: attachment.fileName },
  });
  await enqueue(
    trx,
    { type: "attachment.process", payload: { attachmentId: attachment.id } },
    { requestId: upload.requestId, dedupeKey: `attachment.process:${attachment.id}` },
  );
  return attachment;
}

/** An attachment of the organization in any state; NOT_FOUND when it has none. */
export async function getAttachment(
  db: Kysely<Database>,
  orgId: string,
  attachmentId: string,
): Promise<Attachment> {
  const row = await selectAttachments(db)
    .where("a.org_id", "=", orgId)
    .where("a.id", "=", attachmentId)
    // A deleted task's files stay (for a restore) but are not served.
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("tasks as t")
          .select("t.id")
          .whereRef("t.id", "=", "a.task_id")
          .where("t.deleted_at", "is", null),
      ),
    )
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Attachment not found");
  return toAttachment(row);
}

/** A task's ready attachments, newest first, in pages. */
export async function listAttachments(
  db: Kysely<Database>,
  orgId: string,
  input: { taskId: string; cursor?: string | null; limit: number },
): Promise<{ items: Attachment[]; nextCursor: string | null }> {
  await getTask(db, orgId, input.taskId);
  let query = selectAttachments(db)
    .select(sql<string>`a.created_at::text`.as("sortValue"))
    .where("a.org_id", "=", orgId)
    .where("a.task_id", "=", input.taskId)
    .where("a.status", "=", "ready")
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .limit(input.limit + 1);
  if (input.cursor) {
    const [value, id] = decodeCursor(
      input.cursor,
      z.tuple([cursorValue.timestamptz, cursorValue.id]),
    );
    query = query.where(
      sql<SqlBool>`(a.created_at, a.id) < (cast(${value} as timestamptz), cast(${id} as uuid))`,
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortValue: _, ...row }) => toAttachment(row)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sortValue, last.id]) : null,
  };
}

/**
 * A short-lived presigned GET of a ready attachment (or its thumbnail). The file is always
 * served as a download under its name with its checked type, never rendered inline by the
 * browser, so an upload cannot run script on the storage origin; thumbnails are our own webp.
 */
export async function getDownload(
  db: Kysely<Database>,
  deps: AttachmentDeps,
  orgId: string,
  input: { attachmentId: string; variant: "original" | "thumbnail" },
): Promise<{ url: string; expiresAt: Date }> {
  const row = await db
    .selectFrom("attachments")
    .select(["storage_key", "thumbnail_key", "file_name", "declared_type"])
    .where("org_id", "=", orgId)
    .where("id", "=", input.attachmentId)
    .where("status", "=", "ready")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("tasks as t")
          .select("t.id")
          .whereRef("t.id", "=", "attachments.task_id")
          .where("t.deleted_at", "is", null),
      ),
    )
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Attachment not found");
  const expiresInSeconds = deps.limits.downloadUrlSeconds;
  let url: string;
  if (input.variant === "thumbnail") {
    if (!row.thumbnail_key) throw new AppError("NOT_FOUND", "This attachment has no thumbnail");
    url = await deps.storage.presignDownload(row.thumbnail_key, {
      expiresInSeconds,
      fileName: `${row.file_name}.webp`,
      inline: true,
      contentType: "image/webp",
    });
  } else {
    url = await deps.storage.presignDownload(row.storage_key, {
      expiresInSeconds,
      fileName: row.file_name,
      contentType: row.declared_type,
    });
  }
  return { url, expiresAt: new Date(deps.now().getTime() + expiresInSeconds * 1_000) };
}

/**
 * Deletes an attachment (its uploader, or a role with attachment.manage): its row and activity,
 * in the procedure's transaction. Returns the keys of its objects, for
 * `removeAttachmentObjects` once that transaction has committed: an object left behind by a
 * storage failure is only unreachable bytes, while one deleted before a rollback would leave
 * an attachment without its file.
 */
export async function deleteAttachment(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor & { role: Role },
  attachmentId: string,
): Promise<string[]> {
  const { role, ...entry } = actor;
  const row = await trx
    .selectFrom("attachments")
    .select(["id", "task_id", "uploader_id", "file_name", "storage_key", "thumbnail_key"])
    .where("org_id", "=", orgId)
    .where("id", "=", attachmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Attachment not found");
  if (row.uploader_id !== actor.actorUserId && !can(role, "attachment.manage"))
    throw new AppError("FORBIDDEN", "Only the person who attached it or an admin can delete it");
  await trx.deleteFrom("attachments").where("id", "=", row.id).execute();
  const task = await getTask(trx, orgId, row.task_id);
  await recordActivity(trx, {
    ...entry,
    orgId,
    projectId: task.projectId,
    action: "attachment.deleted",
    targetType: "task",
    targetId: task.id,
    data: { key: task.key, attachmentId: row.id, fileName: row.file_name },
  });
  return [row.storage_key, row.thumbnail_key].filter((key) => key !== null);
}

/**
 * The objects of every attachment (in any state) of a task, a project or the whole
 * organization: read in the transaction that deletes them (their rows go by cascade), for
 * `removeAttachmentObjects` once it has committed.
 */
export async function attachmentKeysUnder(
  trx: Transaction<Database>,
  orgId: string,
  scope: { taskId: string } | { projectId: string } | "organization",
): Promise<string[]> {
  let query = trx
    .selectFrom("attachments as a")
    .select(["a.storage_key", "a.thumbnail_key"])
    .where("a.org_id", "=", orgId);
  if (scope !== "organization" && "taskId" in scope)
    query = query.where("a.task_id", "=", scope.taskId);
  if (scope !== "organization" && "projectId" in scope)
    query = query.where("a.task_id", "in", (eb) =>
      eb.selectFrom("tasks").select("id").where("project_id", "=", scope.projectId),
    );
  const rows = await query.execute();
  return rows.flatMap((row) =>
    row.thumbnail_key ? [row.storage_key, row.thumbnail_key] : [row.storage_key],
  );
}

export async function removeAttachmentObjects(storage: Storage, keys: string[]): Promise<void> {
  await Promise.all(keys.map((key) => storage.remove(key)));
}

export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
