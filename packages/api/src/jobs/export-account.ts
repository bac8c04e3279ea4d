import type { JobHandler } from "@tesseract/queue";
import { accountDocument, countAccountRows } from "../exports/account-rows.ts";
import { jsonStream } from "../exports/formats.ts";
import { runExport, type ExportJobDeps } from "./export-run.ts";

/** `export.account`: everything the requester wrote or owns, as one JSON document. */
export function accountExportHandler(deps: ExportJobDeps): JobHandler<"export.account"> {
  return (payload, context) =>
    runExport(deps, payload.exportId, context, async (row) => ({
      total: await countAccountRows(deps.db, row.requested_by),
      contentType: "application/json",
      open: async (onRows) =>
        jsonStream(await accountDocument(deps.db, row.requested_by, onRows, new Date())),
    }));
}
