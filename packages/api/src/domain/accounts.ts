import { randomBytes, randomUUID } from "node:crypto";
import type { SignInInput, SignUpInput } from "@tesseract/validators";
import { sql } from "@tesseract/db";
import { recordActivity } from "../activity.ts";
import { readCookie } from "../auth/cookies.ts";
import type { AuthUser } from "../auth/credentials.ts";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "../auth/password.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { passwordResetEmail, signUpAttemptEmail, verificationEmail } from "../mail/templates.ts";
import { enforceRateLimits } from "../policy/rate-limit.ts";
import { consumeEmailToken, issueEmailToken } from "./email-tokens.ts";

const SIGN_IN_REFUSED = "Email or password is incorrect";

function link(ctx: Context, path: string, token: string): string {
  const url = new URL(path, ctx.services.config.server.publicUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

function requestMeta(ctx: Context) {
  return { ip: ctx.request.clientIp, userAgent: ctx.request.userAgent };
}

/** Sends mail after the response: its latency must not reveal anything, nor its failure fail the call. */
function sendLater(ctx: Context, work: () => Promise<void>): void {
  work().catch((err: unknown) => {
    ctx.logger.error({ err, requestId: ctx.requestId }, "could not send email");
  });
}

async function startSession(ctx: Context, user: AuthUser): Promise<string> {
  const { secret } = await ctx.services.sessions.create(user.id, requestMeta(ctx));
  return secret;
}

/**
 * A sign-in always starts a new session id; a session the browser still presented (someone
 * else's planted cookie, or the user's own) ends, so an id known before sign-in is worthless.
 */
async function endPresentedSession(ctx: Context): Promise<void> {
  const secret = readCookie(ctx.request.headers.cookie, ctx.services.config.sessions.cookieName);
  if (!secret) return;
  const session = await ctx.services.sessions.resolve(secret);
  if (session) await ctx.services.sessions.revoke(session.userId, session.id);
}

/**
 * Creates an account and signs it in. An address that already has an account gets the same
 * answer (a user object and a session cookie, after the same password hashing), but nothing
 * is created and the cookie opens nothing; its owner is told by email instead. So sign-up
 * cannot tell anyone which addresses have accounts.
 */
export async function signUp(
  ctx: Context,
  input: SignUpInput,
): Promise<{ user: AuthUser; sessionSecret: string }> {
  const { config } = ctx.services;
  const perIp = {
    limit: config.rateLimits.signInPerIp,
    windowSeconds: config.rateLimits.windowSeconds,
  };
  // New and existing addresses spend the same budgets, so a 429 reveals nothing either; the
  // per-address one also caps the notices an existing owner can be sent.
  await enforceRateLimits(ctx, [
    { key: `sign-up:account:${input.email}`, rule: { limit: 5, windowSeconds: 3_600 } },
    { key: `sign-up:ip:${ctx.request.clientIp ?? "unknown"}`, rule: perIp },
  ]);
  const { db } = ctx.services;
  const passwordHash = await hashPassword(input.password);
  await endPresentedSession(ctx);
  const now = ctx.services.now();
  // The account, its activity row and its verification link land together or not at all. The
  // session (in Redis) is started last inside the transaction: if the commit then fails, it
  // names a user that never existed and resolves to nobody.
  const created = await db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({
        email: input.email,
        name: input.name,
        password_hash: passwordHash,
        // The embedded mode is one person's own installation: its first account operates it
        // (PGlite is one connection, so two sign-ups cannot both see an empty table). On real
        // services, platform admins are granted with `pnpm admin:grant <email>`.
        is_platform_admin:
          ctx.services.database.kind === "pglite"
            ? sql<boolean>`not exists (select 1 from users)`
            : false,
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .returning(["id", "email", "name", "is_platform_admin as isPlatformAdmin"])
      .executeTakeFirst();
    if (!user) return undefined;
    await recordActivity(trx, {
      actorUserId: user.id,
      action: "account.sign_up",
      ...requestMeta(ctx),
    });
    const token = await issueEmailToken(trx, user.id, "verify_email", now);
    return { user, token, sessionSecret: await startSession(ctx, user) };
  });
  if (!created) {
    sendLater(ctx, () =>
      ctx.services.mailer.send(
        signUpAttemptEmail(input.email, {
          signIn: new URL("/sign-in", config.server.publicUrl).toString(),
          resetPassword: new URL("/forgot-password", config.server.publicUrl).toString(),
        }),
      ),
    );
    return {
      user: { id: randomUUID(), email: input.email, name: input.name, isPlatformAdmin: false },
      sessionSecret: randomBytes(32).toString("base64url"),
    };
  }
  const { user, token, sessionSecret } = created;
  sendLater(ctx, () =>
    ctx.services.mailer.send(verificationEmail(user.email, link(ctx, "/verify-email", token))),
  );
  return { user, sessionSecret };
}

export async function signIn(
  ctx: Context,
  input: SignInInput,
): Promise<{ user: AuthUser; sessionSecret: string }> {
  const { config, db } = ctx.services;
  const rule = (limit: number) => ({ limit, windowSeconds: config.rateLimits.windowSeconds });
  await enforceRateLimits(ctx, [
    { key: `sign-in:account:${input.email}`, rule: rule(config.rateLimits.signInPerAccount) },
    {
      key: `sign-in:ip:${ctx.request.clientIp ?? "unknown"}`,
      rule: rule(config.rateLimits.signInPerIp),
    },
  ]);
  const row = await db
    .selectFrom("users")
    .select(["id", "email", "name", "password_hash", "disabled_at", "is_platform_admin"])
    .where("email", "=", input.email)
    .executeTakeFirst();
  // Unknown email, wrong password and disabled account cost the same and answer the same.
  const valid = row
    ? await verifyPassword(row.password_hash, input.password)
    : await verifyAgainstNothing(input.password);
  if (!row || !valid || row.disabled_at) {
    await recordActivity(db, {
      actorUserId: row?.id ?? null,
      action: "account.sign_in_failed",
      data: { email: input.email },
      ...requestMeta(ctx),
    });
    throw new AppError("UNAUTHORIZED", SIGN_IN_REFUSED);
  }
  const user = {
    id: row.id,
    email: row.email,
    name: row.name,
    isPlatformAdmin: row.is_platform_admin,
  };
  // Everything that can fail comes before the new session, so a failed call leaves none behind.
  await endPresentedSession(ctx);
  await recordActivity(db, {
    actorUserId: user.id,
    action: "account.sign_in",
    ...requestMeta(ctx),
  });
  return { user, sessionSecret: await startSession(ctx, user) };
}

export async function changePassword(
  ctx: Context,
  user: AuthUser,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const { db } = ctx.services;
  const row = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new AppError("BAD_REQUEST", "Your current password is incorrect");
  }
  const passwordHash = await hashPassword(input.newPassword);
  // The other sessions end inside the transaction, before it commits: if anything fails, the
  // old password stays (and at worst some sessions ended), never a new password with the old
  // sessions still open.
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: ctx.services.now() })
      .where("id", "=", user.id)
      .execute();
    const endedSessions = await ctx.services.sessions.revokeAll(user.id, {
      except: currentSessionId,
    });
    await recordActivity(trx, {
      actorUserId: user.id,
      action: "account.password_changed",
      data: { endedSessions },
      ...requestMeta(ctx),
    });
    return { endedSessions };
  });
}

/** Always answers the same; the email (if the account exists) is sent after the response. */
export async function requestPasswordReset(ctx: Context, email: string): Promise<void> {
  const { config } = ctx.services;
  const perIp = {
    limit: config.rateLimits.signInPerIp,
    windowSeconds: config.rateLimits.windowSeconds,
  };
  // Known and unknown addresses spend the same budgets, so a 429 reveals nothing either.
  await enforceRateLimits(ctx, [
    { key: `reset:account:${email}`, rule: { limit: 5, windowSeconds: 3_600 } },
    { key: `reset:ip:${ctx.request.clientIp ?? "unknown"}`, rule: perIp },
  ]);
  const { db } = ctx.services;
  const user = await db
    .selectFrom("users")
    .select(["id", "email"])
    .where("email", "=", email)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user) return;
  sendLater(ctx, async () => {
    const token = await db
      .transaction()
      .execute((trx) => issueEmailToken(trx, user.id, "reset_password", ctx.services.now()));
    await ctx.services.mailer.send(
      passwordResetEmail(user.email, link(ctx, "/reset-password", token)),
    );
  });
}

export async function resetPassword(ctx: Context, token: string, password: string): Promise<void> {
  const { db } = ctx.services;
  const passwordHash = await hashPassword(password);
  // One transaction: the link is used up only if the password really changes, and the
  // sessions end before it commits (see changePassword).
  await db.transaction().execute(async (trx) => {
    const userId = await consumeEmailToken(trx, token, "reset_password", ctx.services.now());
    if (!userId)
      throw new AppError(
        "BAD_REQUEST",
        "This reset link is invalid, used or expired; ask for a new one",
      );
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: ctx.services.now() })
      .where("id", "=", userId)
      .execute();
    // Whoever knew the old password is signed out everywhere.
    const endedSessions = await ctx.services.sessions.revokeAll(userId);
    await recordActivity(trx, {
      actorUserId: userId,
      action: "account.password_reset",
      data: { endedSessions },
      ...requestMeta(ctx),
    });
  });
}

export async function verifyEmail(ctx: Context, token: string): Promise<void> {
  const { db } = ctx.services;
  await db.transaction().execute(async (trx) => {
    const userId = await consumeEmailToken(trx, token, "verify_email", ctx.services.now());
    if (!userId)
      throw new AppError(
        "BAD_REQUEST",
        "This verification link is invalid, used or expired; ask for a new one",
      );
    await trx
      .updateTable("users")
      .set({ email_verified_at: ctx.services.now() })
      .where("id", "=", userId)
      .execute();
    await recordActivity(trx, {
      actorUserId: userId,
      action: "account.email_verified",
      ...requestMeta(ctx),
    });
  });
}

export async function resendVerification(ctx: Context, user: AuthUser): Promise<void> {
  const token = await ctx.services.db
    .transaction()
    .execute((trx) => issueEmailToken(trx, user.id, "verify_email", ctx.services.now()));
  sendLater(ctx, () =>
    ctx.services.mailer.send(verificationEmail(user.email, link(ctx, "/verify-email", token))),
  );
}

/** Disables an account and ends its sessions at once (its tokens stop resolving too). */
export async function disableUser(ctx: Context, userId: string): Promise<void> {
  await ctx.services.db
    .updateTable("users")
    .set({ disabled_at: ctx.services.now() })
    .where("id", "=", userId)
    .execute();
  await ctx.services.sessions.revokeAll(userId);
  await recordActivity(ctx.services.db, { actorUserId: userId, action: "account.disabled" });
}

export { requestMeta };
