import { AppError } from "../errors.ts";
import { seedDemo } from "../seed/demo.ts";
import { publicProcedure, router, sessionProcedure } from "../trpc.ts";

export const devRouter = router({
  /** Emails kept in memory when no SMTP_URL is set, for the development inbox page. */
  inbox: publicProcedure.query(({ ctx }) => {
    const { config, mailer } = ctx.services;
    if (!config.mail.devInbox || mailer.kind !== "memory")
      throw new AppError("NOT_FOUND", "The development inbox is off");
    return mailer.inbox();
  }),

  /** Loads the demo organization (the embedded first run offers it) and makes the caller an owner. */
  seedDemo: sessionProcedure.mutation(async ({ ctx }) => {
    // Any signed-in person becomes an owner of the shared demo organization: only where that
    // harms no one (see Config.demoData).
    if (!ctx.services.config.demoData) {
      throw new AppError(
        "NOT_FOUND",
        "Demo data loads here only in the embedded mode; run pnpm db:seed",
      );
    }
    const result = await seedDemo(ctx.services.db, { extraOwnerId: ctx.auth.user.id });
    return { orgId: result.orgId, created: result.created };
  }),
});
