import { activityPageInput, activityPageOutput } from "@tesseract/validators";
import { z } from "zod";
import { listActivity } from "../domain/activity-list.ts";
import { orgProcedure, router } from "../trpc.ts";

export const activityRouter = router({
  /** The organization's whole log, newest first, for admins; optionally one project's or task's. */
  list: orgProcedure
    .meta({
      summary: "An organization's activity log, newest first",
      permission: "activity.read",
      reads: "replica",
    })
    .input(
      activityPageInput.extend({
        projectId: z.uuid("Unknown project").optional(),
        taskId: z.uuid("Unknown task").optional(),
      }),
    )
    .output(activityPageOutput)
    .query(({ ctx, input }) => listActivity(ctx.readDb, ctx.org.orgId, input)),
});
