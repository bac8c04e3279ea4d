import { z } from "zod";
import { recordActivity } from "../activity.ts";
import { requestMeta } from "../domain/accounts.ts";
import { AppError } from "../errors.ts";
import { router, sessionProcedure } from "../trpc.ts";

export const sessionRouter = router({
  list: sessionProcedure.query(async ({ ctx }) => {
    const sessions = await ctx.services.sessions.list(ctx.auth.user.id);
    return sessions.map((s) => ({
      id: s.id,
      current: s.id === ctx.auth.sessionId,
      createdAt: new Date(s.createdAt),
      lastSeenAt: new Date(s.lastSeenAt),
      ip: s.ip,
      userAgent: s.userAgent,
    }));
  }),

  revoke: sessionProcedure
    .input(
      z.union([
        z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, "Unknown session") }),
        z.object({ allOthers: z.literal(true) }),
      ]),
    )
    .mutation(async ({ ctx, input }) => {
      const { user, sessionId } = ctx.auth;
      let ended: number;
      if ("allOthers" in input) {
        ended = await ctx.services.sessions.revokeAll(user.id, { except: sessionId });
      } else {
        if (!(await ctx.services.sessions.revoke(user.id, input.sessionId)))
          throw new AppError("NOT_FOUND", "Session not found");
        ended = 1;
      }
      await recordActivity(ctx.services.db, {
        actorUserId: user.id,
        action: "session.revoked",
        data: { ended, allOthers: "allOthers" in input },
        ...requestMeta(ctx),
      });
      return { ended };
    }),
});
