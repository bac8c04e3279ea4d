import {
  attachmentRefInput,
  createUploadInput,
  downloadAttachmentInput,
  listAttachmentsInput,
} from "@tesseract/validators";
import { actor } from "../auth/actor.ts";
import type { Context } from "../context.ts";
import {
  completeUpload,
  createUpload,
  deleteAttachment,
  getDownload,
  listAttachments,
  type AttachmentDeps,
} from "../domain/attachments.ts";
import { orgProcedure, resultCache, router } from "../trpc.ts";

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
    .meta({ permission: "attachment.write", rateLimit: "write" })
    .input(createUploadInput)
    .mutation(({ ctx, input }) => {
      const { orgId: _, ...upload } = input;
      return ctx.services.db.db
        .transaction()
        .execute((trx) => createUpload(trx, deps(ctx), ctx.org.orgId, actor(ctx), upload));
    }),

  complete: orgProcedure
    .meta(WRITE)
    .input(attachmentRefInput)
    .mutation(({ ctx, input }) =>
      completeUpload(ctx.services.db.db, deps(ctx), ctx.org.orgId, actor(ctx), input.attachmentId),
    ),

  list: orgProcedure
    .meta({ permission: "task.read", rateLimit: "read", cache: { tags: ["attachments"] } })
    .input(listAttachmentsInput)
    .use(resultCache)
    .query(({ ctx, input }) => listAttachments(ctx.services.db.db, ctx.org.orgId, input)),

  /** A short-lived link to the file (or its thumbnail); not cached, it expires. */
  download: orgProcedure
    .meta({ permission: "task.read", rateLimit: "read" })
    .input(downloadAttachmentInput)
    .query(({ ctx, input }) => getDownload(ctx.services.db.db, deps(ctx), ctx.org.orgId, input)),

  delete: orgProcedure
    .meta(WRITE)
    .input(attachmentRefInput)
    .mutation(async ({ ctx, input }) => {
      await deleteAttachment(
        ctx.services.db.db,
        deps(ctx),
        ctx.org.orgId,
        { ...actor(ctx), role: ctx.org.role },
        input.attachmentId,
      );
      return { ok: true as const };
    }),
});
