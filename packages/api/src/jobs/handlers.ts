import type { JobHandlers } from "@tesseract/queue";
import type { Services } from "../services.ts";
import { pruneIdempotencyKeys } from "../domain/idempotency-keys.ts";
import { restoreHorizon } from "../domain/task-trash.ts";
import { purgeDeletedTasks } from "./task-purge.ts";
import { attachmentProgress, SYSTEM_ACTOR } from "../live/job-progress.ts";
import { publishEvent } from "../live/publish.ts";
import { exportJobHandlers } from "./export-handlers.ts";
import { cleanupAttachments, scheduleAttachmentCleanup } from "./attachment-cleanup.ts";
import { processAttachment, type LoadImageLibrary } from "./attachment-process.ts";
import { sweep } from "./periodic.ts";
import { sendMailJob } from "./mail-send.ts";
import { noopJob } from "./noop.ts";
import { sendNotificationEmail } from "./notification-email.ts";

/** The handler of every job type, bound to the process's services. */
export function createJobHandlers(
  services: Services,
  loadImageLibrary: LoadImageLibrary,
): JobHandlers {
  return {
    "mail.send": (payload, context) => sendMailJob(services, payload, context),
    noop: (payload, context) => noopJob(payload, context),
    "notification.email": (payload, context) =>
      sendNotificationEmail(
        { db: services.db, publicUrl: services.config.server.publicUrl },
        payload,
        context,
      ),
    ...exportJobHandlers(services),
    "attachment.process": (payload, context) =>
      processAttachment(
        {
          db: services.db,
          storage: services.storage,
          cache: services.cache,
          loadImageLibrary,
          // The task's page shows the thumbnail (or that there is none) as soon as it is known.
          onProcessed: (attachment, state) => {
            const base = { orgId: attachment.orgId, at: services.now(), actor: SYSTEM_ACTOR };
            void publishEvent(services, attachmentProgress(base, attachment, state));
          },
        },
        payload,
        context,
      ),
    "attachment.cleanup": async (payload, context) => {
      const deps = {
        db: services.db,
        storage: services.storage,
        staleAfterMs: services.config.attachments.staleAfterMs,
        now: () => services.now(),
      };
      await cleanupAttachments(deps, payload, context);
      // The same periodic run forgets idempotency records past their 24 hours.
      const pruned = await pruneIdempotencyKeys(services.db, services.now());
      if (pruned > 0) context.logger.info({ pruned }, "expired idempotency keys deleted");
      // And removes for good the tasks deleted longer ago than they can be restored.
      const purged = await sweep((limit) =>
        purgeDeletedTasks(services.db, services.storage, {
          olderThan: restoreHorizon(services.now()),
          limit,
        }),
      );
      if (purged > 0) context.logger.info({ purged }, "deleted tasks purged");
      await scheduleAttachmentCleanup(services.db, services.now());
    },
  };
}
