import { AppError } from "../errors.ts";
import { publicProcedure, router } from "../trpc.ts";

export const devRouter = router({
  /** Emails kept in memory when no SMTP_URL is set, for the development inbox page. */
  inbox: publicProcedure.query(({ ctx }) => {
    const { config, mailer } = ctx.services;
    if (config.isProduction || mailer.kind !== "memory")
      throw new AppError("NOT_FOUND", "The development inbox is off");
    return mailer.inbox();
  }),
});
