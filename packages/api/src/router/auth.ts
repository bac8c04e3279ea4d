import {
  changePasswordInput,
  requestPasswordResetInput,
  resetPasswordInput,
  signInInput,
  signUpInput,
  updateProfileInput,
  verifyEmailInput,
} from "@tesseract/validators";
import { recordActivity } from "../activity.ts";
import { sessionCookie } from "../auth/cookies.ts";
import { resolveAuth } from "../auth/credentials.ts";
import * as accounts from "../domain/accounts.ts";
import { authedProcedure, publicProcedure, router, sessionProcedure } from "../trpc.ts";

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const { user, sessionSecret } = await accounts.signUp(ctx, input);
    ctx.response.appendCookie(sessionCookie(ctx.services.config, sessionSecret));
    return { user };
  }),

  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const { user, sessionSecret } = await accounts.signIn(ctx, input);
    ctx.response.appendCookie(sessionCookie(ctx.services.config, sessionSecret));
    return { user };
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    // Signing out always clears the cookie, even when the session had already ended.
    const auth = await resolveAuth(ctx).catch(() => null);
    if (auth?.kind === "session") {
      await ctx.services.sessions.revoke(auth.user.id, auth.sessionId);
      await recordActivity(ctx.services.db, {
        actorUserId: auth.user.id,
        action: "session.sign_out",
        ...accounts.requestMeta(ctx),
      });
    }
    ctx.response.appendCookie(sessionCookie(ctx.services.config, null));
    return { ok: true as const };
  }),

  me: authedProcedure.query(async ({ ctx }) => {
    const { db } = ctx.services;
    const user = await db
      .selectFrom("users")
      .select([
        "id",
        "email",
        "name",
        "email_verified_at as emailVerifiedAt",
        "created_at as createdAt",
        "is_platform_admin as isPlatformAdmin",
      ])
      .where("id", "=", ctx.auth.user.id)
      .executeTakeFirstOrThrow();
    let orgs = db
      .selectFrom("memberships as m")
      .innerJoin("organizations as o", "o.id", "m.org_id")
      .select(["o.id", "o.name", "o.slug", "m.role"])
      .where("m.user_id", "=", user.id)
      .orderBy("o.name");
    if (ctx.auth.kind === "token") orgs = orgs.where("o.id", "=", ctx.auth.orgId);
    return {
      user,
      via: ctx.auth.kind,
      organizations: (await orgs.execute()).map((o) => ({
        ...o,
        role:
          ctx.auth.kind === "token"
            ? ctx.auth.role
            : (o.role as "owner" | "admin" | "member" | "viewer"),
      })),
    };
  }),

  updateProfile: sessionProcedure.input(updateProfileInput).mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const user = await db
      .updateTable("users")
      .set({ name: input.name, updated_at: ctx.services.now() })
      .where("id", "=", ctx.auth.user.id)
      .returning(["id", "email", "name"])
      .executeTakeFirstOrThrow();
    await recordActivity(db, {
      actorUserId: user.id,
      action: "account.profile_updated",
      data: { name: input.name },
    });
    return { user };
  }),

  changePassword: sessionProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) =>
      accounts.changePassword(ctx, ctx.auth.user, ctx.auth.sessionId, input),
    ),

  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(async ({ ctx, input }) => {
      await accounts.requestPasswordReset(ctx, input.email);
      return {
        ok: true as const,
        message: "If an account uses this email, a reset link is on its way.",
      };
    }),

  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await accounts.resetPassword(ctx, input.token, input.password);
    ctx.response.appendCookie(sessionCookie(ctx.services.config, null));
    return { ok: true as const };
  }),

  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(async ({ ctx, input }) => {
    await accounts.verifyEmail(ctx, input.token);
    return { ok: true as const };
  }),

  /** Each call sends an email: a per-person hourly budget (RATE_LIMIT_VERIFICATION_EMAILS_PER_HOUR). */
  resendVerification: sessionProcedure
    .meta({ rateLimit: "verificationEmail" })
    .mutation(async ({ ctx }) => {
      await accounts.resendVerification(ctx, ctx.auth.user);
      return { ok: true as const };
    }),
});
