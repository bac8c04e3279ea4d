import {
  downloadLinkOutput,
  exportListOutput,
  exportOutput,
  exportRefInput,
  listExportsInput,
} from "@tesseract/validators";
import { exportDownloadUrl, getExport, listExports } from "../domain/exports.ts";
import { orgProcedure, router } from "../trpc.ts";

// A project's exports are seen by whoever may make one: they hold nothing a new export would not.
const READ = { permission: "project.export", rateLimit: "read" } as const;

export const exportRouter = router({
  get: orgProcedure
    .meta({ ...READ, summary: "Get a project export's progress" })
    .input(exportRefInput)
    .output(exportOutput)
    .query(({ ctx, input }) =>
      getExport(ctx.services.db, { orgId: ctx.org.orgId }, input.exportId, ctx.services.now()),
    ),

  list: orgProcedure
    .meta({ ...READ, summary: "List a project's exports (paged)" })
    .input(listExportsInput)
    .output(exportListOutput)
    .query(({ ctx, input }) =>
      listExports(ctx.services.db, { orgId: ctx.org.orgId }, input, ctx.services.now()),
    ),

  /** A link that works for five minutes; the file comes as an attachment under its name. */
  download: orgProcedure
    .meta({ ...READ, summary: "A short-lived download link for a finished export" })
    .input(exportRefInput)
    .output(downloadLinkOutput)
    .mutation(({ ctx, input }) =>
      exportDownloadUrl(
        ctx.services.db,
        ctx.services.storage,
        { orgId: ctx.org.orgId },
        input.exportId,
        ctx.services.now(),
      ),
    ),
});
