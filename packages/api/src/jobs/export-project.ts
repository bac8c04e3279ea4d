import type { JobHandler } from "@tesseract/queue";
import { csvStream, jsonStream } from "../exports/formats.ts";
import {
  countProjectTasks,
  projectHeader,
  projectTaskPages,
  TASK_CSV_COLUMNS,
  withComments,
} from "../exports/project-rows.ts";
import { runExport, type ExportJobDeps } from "./export-run.ts";

/** `export.project`: a project's tasks as CSV (one row each) or JSON (with their comments). */
export function projectExportHandler(deps: ExportJobDeps): JobHandler<"export.project"> {
  return (payload, context) =>
    runExport(deps, payload.exportId, context, async (row) => {
      if (!row.org_id || !row.project_id) return undefined;
      const ref = { orgId: row.org_id, projectId: row.project_id };
      const project = await projectHeader(deps.db, ref);
      if (!project) return undefined;
      const total = await countProjectTasks(deps.db, ref);
      return {
        total,
        contentType: row.format === "csv" ? "text/csv; charset=utf-8" : "application/json",
        open: (onRows) => {
          const pages = projectTaskPages(deps.db, { ...ref, key: project.key }, onRows);
          if (row.format === "csv") return Promise.resolve(csvStream(TASK_CSV_COLUMNS, pages));
          return Promise.resolve(
            jsonStream({
              format: { value: "tesseract.project-export/1" },
              exportedAt: { value: new Date().toISOString() },
              project: { value: project },
              tasks: { pages: withComments(deps.db, ref.orgId, pages) },
            }),
          );
        },
      };
    });
}
