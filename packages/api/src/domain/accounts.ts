import { randomBytes, randomUUID } from "node:crypto";
import type { Role, SignInInput, SignUpInput } from "@tesseract/validators";
import { sql, type Database, type Kysely, type Transaction } from "@tesseract/db";
import type { SessionStore } from "@tesseract/redis";
import { recordActivity } from "../activity.ts";
import type { AuthUser } from "../auth/credentials.ts";
import { verifyAgainstNothing, verifyPassword } from "../auth/password.ts";
import { AppError } from "../errors.ts";
import type { MailOutbox } from "../mail/outbox.ts";
import { passwordResetEmail, signUpAttemptEmail, verificationEmail } from "../mail/templates.ts";
import { consumeEmailToken, issueEmailToken } from "./email-tokens.ts";
import { findInvitationPreview } from "./invitations.ts";
import { selectProfile } from "./profile.ts";

const SIGN_IN_REFUSED = "Email or password is incorrect";

/** Where a call comes from, for the activity log and the session list. */
export interface Client {
  ip: string | null;
  userAgent: string | null;
}

/** What account functions need besides the executor and the mail outbox: passed in, never read from a request. */
export interface AccountDeps {
  sessions: SessionStore;
  /** The clock every expiry is judged by. */
  now: Date;
  /** The web app's address, for the links in emails. */
  publicUrl: string;
  client: Client;
}

function link(deps: AccountDeps, path: string, token?: string): string {
  const url = new URL(path, deps.publicUrl);
  if (token) url.searchParams.set("token", token);
  return url.toString();
}

const LINKS = {
  verify_email: { path: "/verify-email", email: verificationEmail },
  reset_password: { path: "/reset-password", email: passwordResetEmail },
} as const;

/** Issues a single-use link for `purpose` and mails it to the user. */
async function mailLink(
  trx: Transaction<Database>,
  mail: MailOutbox,
  deps: AccountDeps,
  user: { id: string; email: string },
  purpose: keyof typeof LINKS,
): Promise<void> {
  const token = await issueEmailToken(trx, user.id, purpose, deps.now);
  const { path, email } = LINKS[purpose];
  await mail.send(trx, email(user.email, link(deps, path, token)));
}

async function startSession(deps: AccountDeps, user: AuthUser): Promise<string> {
  const { secret } = await deps.sessions.create(user.id, deps.client);
  return secret;
}

/**
 * A sign-in always starts a new session id; a session the browser still presented (someone
 * else's planted cookie, or the user's own) ends, so an id known before sign-in is worthless.
 */
async function endPresentedSession(deps: AccountDeps, secret: string | undefined): Promise<void> {
  if (!secret) return;
  const session = await deps.sessions.resolve(secret);
  if (session) await deps.sessions.revoke(session.userId, session.id);
}

/**
 * Creates an account and signs it in. An address that already has an account gets the same
 * answer (a user object and a session secret, after the same password hashing), but nothing
 * is created and the secret opens nothing; its owner is told by email instead. So sign-up
 * cannot tell anyone which addresses have accounts.
 */
export async function signUp(
  trx: Transaction<Database>,
  mail: MailOutbox,
  deps: AccountDeps,
  input: Omit<SignUpInput, "password"> & {
    /** From `hashPassword`, computed before the transaction opens: hashing holds no connection. */
    passwordHash: string;
    /** The session secret the browser presented, if any. */
    presentedSession: string | undefined;
    /**
     * The embedded mode is one person's own installation: its first account operates it
     * (PGlite is one connection, so two sign-ups cannot both see an empty table). On real
     * services, platform admins are granted with `pnpm admin:grant <email>`.
     */
    firstAccountOperates: boolean;
  },
): Promise<{ user: AuthUser; sessionSecret: string }> {
  await endPresentedSession(deps, input.presentedSession);
  const user = await trx
    .insertInto("users")
    .values({
      email: input.email,
      name: input.name,
      password_hash: input.passwordHash,
      is_platform_admin: input.firstAccountOperates
        ? sql<boolean>`not exists (select 1 from users)`
        : false,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning(["id", "email", "name", "is_platform_admin as isPlatformAdmin"])
    .executeTakeFirst();
  if (!user) {
    await mail.send(
      trx,
      signUpAttemptEmail(input.email, {
        signIn: link(deps, "/sign-in"),
        resetPassword: link(deps, "/forgot-password"),
      }),
    );
    return {
      user: { id: randomUUID(), email: input.email, name: input.name, isPlatformAdmin: false },
      sessionSecret: randomBytes(32).toString("base64url"),
    };
  }
  // The account, its activity row and its verification link land together or not at all. The
  // session (in Redis) is started last: if the commit then fails, it names a user that never
  // existed and resolves to nobody.
  await recordActivity(trx, { actorUserId: user.id, action: "account.sign_up", ...deps.client });
  if (await isInvitedAddress(trx, input.invitationToken, user.email, deps.now)) {
    // The invitation link reached this address, which proves it as a verification link would.
    await trx
      .updateTable("users")
      .set({ email_verified_at: deps.now })
      .where("id", "=", user.id)
      .execute();
    await recordActivity(trx, {
      actorUserId: user.id,
      action: "account.email_verified",
      data: { through: "invitation" },
      ...deps.client,
    });
  } else {
    await mailLink(trx, mail, deps, user, "verify_email");
  }
  return { user, sessionSecret: await startSession(deps, user) };
}

/** Whether `token` is a pending invitation for `email` (an address as the schema normalizes it). */
async function isInvitedAddress(
  db: Kysely<Database>,
  token: string | undefined,
  email: string,
  now: Date,
): Promise<boolean> {
  if (!token) return false;
  const invitation = await findInvitationPreview(db, token, now);
  return invitation?.status === "pending" && invitation.email.toLowerCase() === email.toLowerCase();
}

export async function signIn(
  db: Kysely<Database>,
  deps: AccountDeps,
  input: SignInInput & { presentedSession: string | undefined },
): Promise<{ user: AuthUser; sessionSecret: string }> {
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
      ...deps.client,
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
  await endPresentedSession(deps, input.presentedSession);
  await recordActivity(db, { actorUserId: user.id, action: "account.sign_in", ...deps.client });
  return { user, sessionSecret: await startSession(deps, user) };
}

/** Ends the caller's session. */
export async function signOut(
  db: Kysely<Database>,
  deps: AccountDeps,
  session: { userId: string; sessionId: string },
): Promise<void> {
  await deps.sessions.revoke(session.userId, session.sessionId);
  await recordActivity(db, {
    actorUserId: session.userId,
    action: "session.sign_out",
    ...deps.client,
  });
}

/** The caller's account and organizations (a token sees only its own, at its role). */
export async function getAccount(
  db: Kysely<Database>,
  auth: { userId: string; token?: { orgId: string; role: Role } },
) {
  const user = await selectProfile(db, auth.userId)
    .select("is_platform_admin as isPlatformAdmin")
    .executeTakeFirst();
  if (!user) throw new AppError("NOT_FOUND", "Account not found");
  let orgs = db
    .selectFrom("memberships as m")
    .innerJoin("organizations as o", "o.id", "m.org_id")
    .select(["o.id", "o.name", "o.slug", "m.role"])
    .where("m.user_id", "=", user.id)
    .orderBy("o.name");
  if (auth.token) orgs = orgs.where("o.id", "=", auth.token.orgId);
  return {
    user,
    organizations: (await orgs.execute()).map((o) => ({
      ...o,
      role: auth.token ? auth.token.role : (o.role as Role),
    })),
  };
}

export async function updateProfile(
  trx: Transaction<Database>,
  userId: string,
  input: { name: string; now: Date },
) {
  const user = await trx
    .updateTable("users")
    .set({ name: input.name, updated_at: input.now })
    .where("id", "=", userId)
    .returning(["id", "email", "name"])
    .executeTakeFirstOrThrow();
  await recordActivity(trx, {
    actorUserId: user.id,
    action: "account.profile_updated",
    data: { name: input.name },
  });
  return user;
}

/** Refuses a wrong current password; run before the transaction, as hashing holds no connection. */
export async function checkCurrentPassword(
  db: Kysely<Database>,
  userId: string,
  password: string,
): Promise<void> {
  const row = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, password))) {
    throw new AppError("BAD_REQUEST", "Your current password is incorrect");
  }
}

/** Sets the new password (checked and hashed beforehand) and ends every other session. */
export async function changePassword(
  trx: Transaction<Database>,
  deps: AccountDeps,
  user: AuthUser,
  currentSessionId: string,
  passwordHash: string,
): Promise<{ endedSessions: number }> {
  await trx
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: deps.now })
    .where("id", "=", user.id)
    .execute();
  // The other sessions end before the transaction commits: if anything fails, the old password
  // stays (and at worst some sessions ended), never a new password with the old sessions open.
  const endedSessions = await deps.sessions.revokeAll(user.id, { except: currentSessionId });
  await recordActivity(trx, {
    actorUserId: user.id,
    action: "account.password_changed",
    data: { endedSessions },
    ...deps.client,
  });
  return { endedSessions };
}

/** Mails a reset link when an enabled account uses this address; nothing otherwise. */
export async function requestPasswordReset(
  trx: Transaction<Database>,
  mail: MailOutbox,
  deps: AccountDeps,
  email: string,
): Promise<void> {
  const user = await trx
    .selectFrom("users")
    .select(["id", "email"])
    .where("email", "=", email)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (user) await mailLink(trx, mail, deps, user, "reset_password");
}

export async function resetPassword(
  trx: Transaction<Database>,
  deps: AccountDeps,
  /** `passwordHash` from `hashPassword`, computed before the transaction opens. */
  input: { token: string; passwordHash: string },
): Promise<void> {
  // The link is used up only if the password really changes, and the sessions end before the
  // transaction commits (see changePassword).
  const userId = await consumeEmailToken(trx, input.token, "reset_password", deps.now);
  if (!userId)
    throw new AppError(
      "BAD_REQUEST",
      "This reset link is invalid, used or expired; ask for a new one",
    );
  await trx
    .updateTable("users")
    .set({ password_hash: input.passwordHash, updated_at: deps.now })
    .where("id", "=", userId)
    .execute();
  // Whoever knew the old password is signed out everywhere.
  const endedSessions = await deps.sessions.revokeAll(userId);
  await recordActivity(trx, {
    actorUserId: userId,
    action: "account.password_reset",
    data: { endedSessions },
    ...deps.client,
  });
}

export async function verifyEmail(
  trx: Transaction<Database>,
  deps: AccountDeps,
  token: string,
): Promise<void> {
  const userId = await consumeEmailToken(trx, token, "verify_email", deps.now);
  if (!userId)
    throw new AppError(
      "BAD_REQUEST",
      "This verification link is invalid, used or expired; ask for a new one",
    );
  await trx
    .updateTable("users")
    .set({ email_verified_at: deps.now })
    .where("id", "=", userId)
    .execute();
  await recordActivity(trx, {
    actorUserId: userId,
    action: "account.email_verified",
    ...deps.client,
  });
}

export async function resendVerification(
  trx: Transaction<Database>,
  mail: MailOutbox,
  deps: AccountDeps,
  user: AuthUser,
): Promise<void> {
  await mailLink(trx, mail, deps, user, "verify_email");
}

/** Disables an account and ends its sessions at once (its tokens stop resolving too). */
export async function disableUser(
  trx: Transaction<Database>,
  sessions: SessionStore,
  input: { userId: string; now: Date },
): Promise<void> {
  await trx
    .updateTable("users")
    .set({ disabled_at: input.now })
    .where("id", "=", input.userId)
    .execute();
  await sessions.revokeAll(input.userId);
  await recordActivity(trx, { actorUserId: input.userId, action: "account.disabled" });
}
