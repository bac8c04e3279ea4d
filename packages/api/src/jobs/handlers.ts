import type { JobHandlers } from "@tesseract/queue";
import type { Services } from "../services.ts";
import { exportJobHandlers } from "./export-handlers.ts";
import { sendMailJob } from "./mail-send.ts";
import { noopJob } from "./noop.ts";

/** The handler of every job type, bound to the process's services. */
export function createJobHandlers(services: Services): JobHandlers {
  return {
    "mail.send": (payload, context) => sendMailJob(services, payload, context),
    noop: (payload, context) => noopJob(payload, context),
    ...exportJobHandlers(services),
  };
}
