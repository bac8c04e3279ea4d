import { watchOutput, watchTaskInput } from "@tesseract/validators";
import { setWatching, watchStatus } from "../domain/watchers.ts";
import { orgProcedure, router } from "../trpc.ts";

// Anyone who can read a task may follow it; what they follow is only ever their own choice.
const READ = { permission: "task.read", rateLimit: "read" } as const;
const WRITE = { permission: "task.read", rateLimit: "write" } as const;

export const watchRouter = router({
  /** Whether the caller is told about the task's comments. */
  status: orgProcedure
    .meta({ summary: "Whether you watch a task", ...READ })
    .input(watchTaskInput)
    .output(watchOutput)
    .query(({ ctx, input }) =>
      watchStatus(ctx.services.db, ctx.org.orgId, input.taskId, ctx.auth.user.id),
    ),

  watch: orgProcedure
    .meta({ summary: "Watch a task: be notified of its comments", ...WRITE })
    .input(watchTaskInput)
    .output(watchOutput)
    .mutation(({ ctx, input }) =>
      setWatching(ctx.services.db, ctx.org.orgId, input.taskId, ctx.auth.user.id, true),
    ),

  unwatch: orgProcedure
    .meta({ summary: "Stop watching a task", ...WRITE })
    .input(watchTaskInput)
    .output(watchOutput)
    .mutation(({ ctx, input }) =>
      setWatching(ctx.services.db, ctx.org.orgId, input.taskId, ctx.auth.user.id, false),
    ),
});
