import {
  accountExportInput,
  accountExportRefInput,
  downloadLinkOutput,
  exportListOutput,
  exportOutput,
} from "@tesseract/validators";
import {
  exportDownloadUrl,
  getExport,
  listExports,
  requestAccountExport,
} from "../domain/exports.ts";
import { transact } from "../transact.ts";
import { idempotency, router, sessionProcedure } from "../trpc.ts";

/**
 * A person's own data, whatever organizations they are in. Sessions only: an API token acts
 * inside one organization and must not carry a whole account's data out.
 */
export const accountRouter = router({
  /** Starts an export of everything the caller wrote or owns (a job); follow it with exportGet. */
  exportData: sessionProcedure
    .meta({ summary: "Start an export of your own data", rateLimit: "export" })
    .input(accountExportInput)
    .use(idempotency)
    .output(exportOutput)
    .mutation(({ ctx }) =>
      transact(ctx, (trx) =>
        requestAccountExport(trx, ctx.auth.user.id, {
          now: ctx.services.now(),
          requestId: ctx.requestId,
        }),
      ),
    ),

  exportGet: sessionProcedure
    .meta({ summary: "One export of your data", rateLimit: "read" })
    .input(accountExportRefInput)
    .output(exportOutput)
    .query(({ ctx, input }) =>
      getExport(ctx.services.db, { userId: ctx.auth.user.id }, input.exportId, ctx.services.now()),
    ),

  exportList: sessionProcedure
    .meta({ summary: "Your data exports", rateLimit: "read" })
    .output(exportListOutput)
    .query(({ ctx }) =>
      listExports(ctx.services.db, { userId: ctx.auth.user.id }, {}, ctx.services.now()),
    ),

  exportDownload: sessionProcedure
    .meta({ summary: "A download link for an export of your data", rateLimit: "read" })
    .input(accountExportRefInput)
    .output(downloadLinkOutput)
    .mutation(({ ctx, input }) =>
      exportDownloadUrl(
        ctx.services.db,
        ctx.services.storage,
        { userId: ctx.auth.user.id },
        input.exportId,
        ctx.services.now(),
      ),
    ),
});
