import {
  changePasswordInput,
  changePasswordOutput,
  meOutput,
  okOutput,
  requestPasswordResetInput,
  requestPasswordResetOutput,
  resetPasswordInput,
  signedInOutput,
  signInInput,
  signUpInput,
  updateProfileInput,
  updateProfileOutput,
  verifyEmailInput,
} from "@tesseract/validators";
import { accountDeps, presentedSession } from "../auth/account-deps.ts";
import { sessionCookie } from "../auth/cookies.ts";
import { isOutage } from "../errors.ts";
import { hashPassword } from "../auth/password.ts";
import { resolveAuth } from "../auth/credentials.ts";
import * as accounts from "../domain/accounts.ts";
import { organizationsOf } from "../domain/orgs.ts";
import { signalAuthChange } from "../live/publish.ts";
import { transactForRequest } from "../mail/outbox.ts";
import { invalidateTags } from "../policy/cache.ts";
import { passwordResetLimits, signInLimits, signUpLimits } from "../policy/limits.ts";
import { authedProcedure, limitedBy, publicProcedure, router, sessionProcedure } from "../trpc.ts";
import { runTransaction } from "../transact.ts";

/** Cached results that show people's names. */
const NAMED_TAGS = ["tasks", "comments", "attachments"] as const;

// Mail is a `mail.send` job written in the call's transaction and sent by the worker: its
// latency cannot reveal anything, nor its failure fail the call (the worker retries it).

export const authRouter = router({
  signUp: publicProcedure
    .meta({ summary: "Create an account" })
    .input(signUpInput)
    .use(limitedBy(signUpLimits))
    .output(signedInOutput)
    .mutation(async ({ ctx, input }) => {
      // Hashing takes a core for tens of milliseconds: done before a connection is held.
      const { password, ...profile } = input;
      const passwordHash = await hashPassword(password);
      const { result } = await transactForRequest(ctx, (trx, mail) =>
        accounts.signUp(trx, mail, accountDeps(ctx), {
          ...profile,
          passwordHash,
          presentedSession: presentedSession(ctx),
          firstAccountOperates: ctx.services.database.kind === "pglite",
        }),
      );
      ctx.response.appendCookie(sessionCookie(ctx.services.config, result.sessionSecret));
      return { user: result.user };
    }),

  signIn: publicProcedure
    .meta({ summary: "Sign in with email and password" })
    .input(signInInput)
    .use(limitedBy(signInLimits))
    .output(signedInOutput)
    .mutation(async ({ ctx, input }) => {
      const { user, sessionSecret } = await accounts.signIn(ctx.services.db, accountDeps(ctx), {
        ...input,
        presentedSession: presentedSession(ctx),
      });
      ctx.response.appendCookie(sessionCookie(ctx.services.config, sessionSecret));
      return { user };
    }),

  signOut: publicProcedure
    .meta({ summary: "Sign out of this session" })
    .output(okOutput)
    .mutation(async ({ ctx }) => {
      // Signing out always clears the cookie, even when the session had already ended (or a
      // bearer token was refused). An outage is not an ended session: with the session store
      // down it answers 503 and keeps the cookie, rather than report a live session ended.
      const auth = await resolveAuth(ctx).catch((err: unknown) => {
        if (isOutage(err)) throw err;
        return null;
      });
      if (auth?.kind === "session") {
        await accounts.signOut(ctx.services.db, accountDeps(ctx), {
          userId: auth.user.id,
          sessionId: auth.sessionId,
        });
      }
      ctx.response.appendCookie(sessionCookie(ctx.services.config, null));
      return { ok: true as const };
    }),

  me: authedProcedure
    .meta({ summary: "The signed-in person and their organizations" })
    .output(meOutput)
    .query(async ({ ctx }) => {
      const { auth } = ctx;
      const account = await accounts.getAccount(ctx.services.db, {
        userId: auth.user.id,
        token: auth.kind === "token" ? { orgId: auth.orgId, role: auth.role } : undefined,
      });
      return { user: account.user, via: auth.kind, organizations: account.organizations };
    }),

  updateProfile: sessionProcedure
    .meta({ summary: "Change your name" })
    .input(updateProfileInput)
    .output(updateProfileOutput)
    .mutation(async ({ ctx, input }) => {
      const user = await runTransaction(ctx.services.db, (trx) =>
        accounts.updateProfile(trx, ctx.auth.user.id, {
          name: input.name,
          now: ctx.services.now(),
        }),
      );
      // Instances that remember the caller (auth/caller-cache.ts) pick up the new name, and the
      // cached lists that show it (tasks' assignees, comments' and files' authors) in each of the
      // person's organizations are dropped.
      const orgs = await organizationsOf(ctx.services.db, ctx.auth.user.id);
      await Promise.all([
        signalAuthChange(ctx, ctx.auth.user.id),
        ...orgs.map((org) => invalidateTags(ctx, org.id, NAMED_TAGS)),
      ]);
      return { user };
    }),

  changePassword: sessionProcedure
    .meta({ summary: "Change your password" })
    .input(changePasswordInput)
    .output(changePasswordOutput)
    .mutation(async ({ ctx, input }) => {
      const { user, sessionId } = ctx.auth;
      await accounts.checkCurrentPassword(ctx.services.db, user.id, input.currentPassword);
      const passwordHash = await hashPassword(input.newPassword);
      return runTransaction(ctx.services.db, (trx) =>
        accounts.changePassword(trx, accountDeps(ctx), user, sessionId, passwordHash),
      );
    }),

  /** Always answers the same, at once; the lookup and the email (if any) follow the response. */
  requestPasswordReset: publicProcedure
    .meta({ summary: "Email a password reset link" })
    .input(requestPasswordResetInput)
    .use(limitedBy(passwordResetLimits))
    .output(requestPasswordResetOutput)
    .mutation(({ ctx, input }) => {
      transactForRequest(ctx, (trx, mail) =>
        accounts.requestPasswordReset(trx, mail, accountDeps(ctx), input.email),
      ).catch((err: unknown) => {
        ctx.logger.error({ err, requestId: ctx.requestId }, "could not send email");
      });
      return {
        ok: true as const,
        message: "If an account uses this email, a reset link is on its way.",
      };
    }),

  resetPassword: publicProcedure
    .meta({ summary: "Set a new password from a reset link" })
    .input(resetPasswordInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.password);
      await runTransaction(ctx.services.db, (trx) =>
        accounts.resetPassword(trx, accountDeps(ctx), { token: input.token, passwordHash }),
      );
      ctx.response.appendCookie(sessionCookie(ctx.services.config, null));
      return { ok: true as const };
    }),

  verifyEmail: publicProcedure
    .meta({ summary: "Confirm an email address from its link" })
    .input(verifyEmailInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await runTransaction(ctx.services.db, (trx) =>
        accounts.verifyEmail(trx, accountDeps(ctx), input.token),
      );
      return { ok: true as const };
    }),

  /** Each call sends an email: a per-person hourly budget (RATE_LIMIT_VERIFICATION_EMAILS_PER_HOUR). */
  resendVerification: sessionProcedure
    .meta({
      summary: "Send the confirmation email again",
      rateLimit: "verificationEmail",
    })
    .output(okOutput)
    .mutation(async ({ ctx }) => {
      await transactForRequest(ctx, (trx, mail) =>
        accounts.resendVerification(trx, mail, accountDeps(ctx), ctx.auth.user),
      );
      return { ok: true as const };
    }),
});
