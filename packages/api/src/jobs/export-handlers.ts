import type { JobHandlers } from "@tesseract/queue";
import { publishEvent } from "../live/publish.ts";
import type { Services } from "../services.ts";
import { accountExportHandler } from "./export-account.ts";
import { expireExports } from "./export-expire.ts";
import { projectExportHandler } from "./export-project.ts";
import type { ExportJobDeps } from "./export-run.ts";

export function exportJobDeps(services: Services): ExportJobDeps {
  return {
    db: services.db,
    storage: services.storage,
    publicUrl: services.config.server.publicUrl,
    // A project export's progress, live for whoever watches it (the export page, the dialog).
    onProgress: ({ exportId, orgId, state, done, total }) => {
      if (!orgId) return;
      void publishEvent(services, {
        type: "job.progress",
        kind: "export",
        jobId: exportId,
        taskId: null,
        state,
        done,
        total,
        orgId,
        at: services.now(),
        actor: { personId: null, name: null },
      });
    },
  };
}

/** The export jobs' handlers, for the job registry. */
export function exportJobHandlers(
  services: Services,
): Pick<JobHandlers, "export.project" | "export.account" | "export.expire"> {
  const deps = exportJobDeps(services);
  return {
    "export.project": projectExportHandler(deps),
    "export.account": accountExportHandler(deps),
    "export.expire": async (_payload, context) => {
      await expireExports({ ...deps, now: () => services.now() }, context);
    },
  };
}
