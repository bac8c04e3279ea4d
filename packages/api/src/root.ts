import { accountRouter } from "./router/account.ts";
import { activityRouter } from "./router/activity.ts";
import { adminRouter } from "./router/admin.ts";
import { attachmentRouter } from "./router/attachment.ts";
import { authRouter } from "./router/auth.ts";
import { commentRouter } from "./router/comment.ts";
import { devRouter } from "./router/dev.ts";
import { exportRouter } from "./router/export.ts";
import { invitationRouter } from "./router/invitation.ts";
import { labelRouter } from "./router/label.ts";
import { liveRouter } from "./router/live.ts";
import { memberRouter } from "./router/member.ts";
import { notificationRouter } from "./router/notification.ts";
import { orgRouter } from "./router/org.ts";
import { projectRouter } from "./router/project.ts";
import { relationRouter } from "./router/relation.ts";
import { sessionRouter } from "./router/session.ts";
import { statusRouter } from "./router/status.ts";
import { systemRouter } from "./router/system.ts";
import { taskRouter } from "./router/task.ts";
import { tokenRouter } from "./router/token.ts";
import { viewRouter } from "./router/view.ts";
import { watchRouter } from "./router/watch.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  session: sessionRouter,
  org: orgRouter,
  member: memberRouter,
  invitation: invitationRouter,
  token: tokenRouter,
  activity: activityRouter,
  project: projectRouter,
  task: taskRouter,
  relation: relationRouter,
  label: labelRouter,
  status: statusRouter,
  comment: commentRouter,
  export: exportRouter,
  account: accountRouter,
  admin: adminRouter,
  attachment: attachmentRouter,
  notification: notificationRouter,
  watch: watchRouter,
  view: viewRouter,
  dev: devRouter,
  live: liveRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
