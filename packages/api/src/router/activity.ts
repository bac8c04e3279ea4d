import { activityListInput, activityPageOutput } from "@tesseract/validators";
import { listActivity } from "../domain/activity-list.ts";
import { orgProcedure, router } from "../trpc.ts";

export const activityRouter = router({
  /** The organization's whole log, newest first, for admins; narrowed by project, task, person or kind. */
  list: orgProcedure
    .meta({
      summary: "An organization's activity log, newest first",
      permission: "activity.read",
      reads: "replica",
    })
    .input(activityListInput)
    .output(activityPageOutput)
    .query(({ ctx, input }) => listActivity(ctx.readDb, ctx.org.orgId, input)),
});
