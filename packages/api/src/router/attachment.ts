import {
  attachmentDownloadOutput,
  attachmentOutput,
  attachmentPageOutput,
  attachmentRefInput,
  createUploadInput,
  createUploadOutput,
  downloadAttachmentInput,
  listAttachmentsInput,
  okOutput,
} from "@tesseract/validators";
import { actor } from "../auth/actor.ts";
import type { Context } from "../context.ts";
import {
  createUpload,
  deleteAttachment,
  getDownload,
  listAttachments,
  makeUploadReady,
  removeAttachmentObjects,
  verifyUpload,
  type AttachmentDeps,
} from "../domain/attachments.ts";
import { attachmentProgress } from "../live/job-progress.ts";
import { withEvents } from "../live/publish.ts";
import { runTransaction, transact } from "../transact.ts";
import { idempotency, orgProcedure, resultCache, router } from "../trpc.ts";

const WRITE = {
  permission: "attachment.write",
  rateLimit: "write",
  invalidates: ["attachments"],
} as const;

const deps = ({ services }: Context): AttachmentDeps => ({
  storage: services.storage,
  limits: services.config.attachments,
  now: () => services.now(),
});

export const attachmentRouter = router({
  /** A presigned POST for one file; the attachment exists once `complete` has checked it. */
  createUpload: orgProcedure
    .meta({
      summary: "Start a file upload: a presigned POST for one file",
      permission: "attachment.write",
      rateLimit: "write",
    })
    .input(createUploadInput)
    .use(idempotency)
    .output(createUploadOutput)
    .mutation(({ ctx, input }) => {
      const { orgId: _, ...upload } = input;
      return transact(ctx, (trx) =>
        createUpload(trx, deps(ctx), ctx.org.orgId, actor(ctx), upload),
      );
    }),

  /**
   * Checks what arrived in storage (outside any transaction: storage is not in the database),
   * then makes the attachment ready and enqueues its thumbnail job in one transaction.
   */
  complete: orgProcedure
    .meta({ ...WRITE, summary: "Check an uploaded file and make it ready" })
    .input(attachmentRefInput)
    .output(attachmentOutput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services;
      const outcome = await verifyUpload(
        db,
        deps(ctx),
        ctx.org.orgId,
        actor(ctx),
        input.attachmentId,
      );
      if ("ready" in outcome) return outcome.ready;
      // Everyone on the task's page sees the file arrive; an image's thumbnail follows as the
      // processing job's own progress.
      return withEvents(
        ctx,
        runTransaction(db, (trx) =>
          makeUploadReady(trx, deps(ctx), ctx.org.orgId, actor(ctx), {
            ...outcome.verified,
            requestId: ctx.requestId,
          }),
        ),
        (attachment, base) =>
          attachmentProgress(
            base,
            attachment,
            attachment.thumbnailPending ? "processing" : "ready",
          ),
      );
    }),

  list: orgProcedure
    .meta({
      summary: "List a task's files",
      permission: "task.read",
      rateLimit: "read",
      cache: { tags: ["attachments"] },
    })
    .input(listAttachmentsInput)
    .use(resultCache)
    .output(attachmentPageOutput)
    .query(({ ctx, input }) => listAttachments(ctx.services.db, ctx.org.orgId, input)),

  /** A short-lived link to the file (or its thumbnail); not cached, it expires. */
  download: orgProcedure
    .meta({
      summary: "A short-lived download link for a file",
      permission: "task.read",
      rateLimit: "read",
    })
    .input(downloadAttachmentInput)
    .output(attachmentDownloadOutput)
    .query(({ ctx, input }) => getDownload(ctx.services.db, deps(ctx), ctx.org.orgId, input)),

  /** Deletes the row in a transaction, then the objects once it has committed. */
  delete: orgProcedure
    .meta({ ...WRITE, summary: "Delete a file" })
    .input(attachmentRefInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      const keys = await runTransaction(ctx.services.db, (trx) =>
        deleteAttachment(
          trx,
          ctx.org.orgId,
          { ...actor(ctx), role: ctx.org.role },
          input.attachmentId,
        ),
      );
      await removeAttachmentObjects(ctx.services.storage, keys);
      return { ok: true as const };
    }),
});
