import { sessionListOutput, sessionRevokeOutput } from "@tesseract/validators";
import { z } from "zod";
import { clientOf } from "../auth/account-deps.ts";
import { revokeSessions, sessionsOf } from "../domain/sessions.ts";
import { router, sessionProcedure } from "../trpc.ts";

export const sessionRouter = router({
  list: sessionProcedure
    .meta({ summary: "Your signed-in sessions" })
    .output(sessionListOutput)
    .query(({ ctx }) => sessionsOf(ctx.services.sessions, ctx.auth.user.id, ctx.auth.sessionId)),

  revoke: sessionProcedure
    .meta({ summary: "End one of your sessions" })
    .input(
      z.union([
        z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, "Unknown session") }),
        z.object({ allOthers: z.literal(true) }),
      ]),
    )
    .output(sessionRevokeOutput)
    .mutation(({ ctx, input }) =>
      revokeSessions(
        ctx.services.db,
        ctx.services.sessions,
        { userId: ctx.auth.user.id, sessionId: ctx.auth.sessionId, client: clientOf(ctx) },
        input,
      ),
    ),
});
