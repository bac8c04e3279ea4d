import type { JobHandlers } from "@tesseract/queue";
import { SYSTEM_ACTOR } from "../live/job-progress.ts";
import { publishEvent, publishPersonalEvent } from "../live/publish.ts";
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
    // Progress, live for whoever watches it: a project export on its organization's stream (the
    // export page, the dialog), a person's own-data export on their own (the account page).
    onProgress: ({ exportId, orgId, requestedBy, state, done, total }) => {
      const event = {
        type: "job.progress",
        kind: "export",
        jobId: exportId,
        taskId: null,
        state,
        done,
        total,
        orgId: orgId ?? "",
        at: services.now(),
        actor: SYSTEM_ACTOR,
      } as const;
      void (orgId
        ? publishEvent(services, event)
        : publishPersonalEvent(services, requestedBy, event));
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
