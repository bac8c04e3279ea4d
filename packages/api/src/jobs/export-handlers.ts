import type { JobHandlers } from "@tesseract/queue";
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
