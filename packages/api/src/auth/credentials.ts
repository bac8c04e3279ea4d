import { hashSessionSecret, SESSION_TOUCH_AFTER_MS } from "@tesseract/redis";
import type { Role } from "@tesseract/validators";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { readCookie } from "./cookies.ts";
import { lowerRole } from "./permissions.ts";
import { sha256 } from "./secrets.ts";

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  /** Operates this installation (system details, later platform tools); see adminProcedure. */
  isPlatformAdmin: boolean;
}

export type Auth =
  | { kind: "session"; user: AuthUser; sessionId: string }
  /** A token acts for its creator, in one organization, with at most the creator's current role. */
  | { kind: "token"; user: AuthUser; tokenId: string; orgId: string; role: Role };

const TOUCH_AFTER_MS = SESSION_TOUCH_AFTER_MS;

const INVALID_TOKEN =
  "Invalid or expired token: send `Authorization: Bearer <token>` with an API token that has not been revoked";

/**
 * Resolves the caller once per request: `Authorization: Bearer` (API tokens; never from a
 * query string or cookie) or the session cookie. A bearer header that does not resolve is
 * refused outright rather than falling back to the cookie.
 */
export async function resolveAuth(ctx: Context): Promise<Auth | null> {
  const { services, request } = ctx;
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    // A token that cannot be one and a token that resolves to nothing get the same answer:
    // what the caller can do about either is the same.
    const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/i.exec(authorization.trim());
    const auth = match ? await resolveToken(ctx, match[1]!) : null;
    if (!auth) throw new AppError("UNAUTHORIZED", INVALID_TOKEN);
    return auth;
  }
  const secret = readCookie(request.headers.cookie, services.config.sessions.cookieName);
  if (!secret) return null;
  const { callers } = services;
  const remembered = callers?.session(hashSessionSecret(secret));
  if (remembered) return remembered;
  const ticket = callers?.begin();
  const session = await services.sessions.resolve(secret).catch((err: unknown) => {
    throw new AppError("UNAVAILABLE", "Sessions are unavailable right now; try again shortly", {
      cause: err,
    });
  });
  if (!session) return null;
  const user = await services.db
    .selectFrom("users")
    .select(["id", "email", "name", "is_platform_admin as isPlatformAdmin"])
    .where("id", "=", session.userId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user) {
    await services.sessions.revoke(session.userId, session.id);
    return null;
  }
  const auth = { kind: "session" as const, user, sessionId: session.id };
  if (callers && ticket) {
    // Never past the session's own end, nor past the moment its idle expiry is due to slide:
    // the next request then goes to Redis, which slides it.
    const { idleMs, absoluteMs } = services.config.sessions;
    const until = Math.min(
      services.now().getTime() + callers.ttlMs,
      session.lastSeenAt + Math.min(TOUCH_AFTER_MS, idleMs),
      session.createdAt + absoluteMs,
    );
    callers.rememberSession(ticket, auth, until);
  }
  return auth;
}

async function resolveToken(ctx: Context, secret: string): Promise<Auth | null> {
  const { db, callers } = ctx.services;
  const tokenHash = sha256(secret);
  const remembered = callers?.token(tokenHash);
  if (remembered) return remembered;
  const ticket = callers?.begin();
  const now = ctx.services.now();
  const row = await db
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .innerJoin("memberships as m", (join) =>
      join.onRef("m.org_id", "=", "t.org_id").onRef("m.user_id", "=", "t.user_id"),
    )
    .select([
      "t.id as tokenId",
      "t.org_id as orgId",
      "t.role as tokenRole",
      "t.last_used_at as lastUsedAt",
      "t.expires_at as expiresAt",
      "m.role as memberRole",
      "u.id",
      "u.email",
      "u.name",
      "u.is_platform_admin as isPlatformAdmin",
    ])
    .where("t.token_hash", "=", tokenHash)
    .where("t.revoked_at", "is", null)
    .where((eb) => eb.or([eb("t.expires_at", "is", null), eb("t.expires_at", ">", now)]))
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  let lastUsedAt = row.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - lastUsedAt > TOUCH_AFTER_MS) {
    await db
      .updateTable("api_tokens")
      .set({ last_used_at: now })
      .where("id", "=", row.tokenId)
      .execute();
    lastUsedAt = now.getTime();
  }
  const auth = {
    kind: "token" as const,
    user: { id: row.id, email: row.email, name: row.name, isPlatformAdmin: row.isPlatformAdmin },
    tokenId: row.tokenId,
    orgId: row.orgId,
    role: lowerRole(row.tokenRole as Role, row.memberRole as Role),
  };
  if (callers && ticket) {
    // Never past the token's expiry, nor past its next last-used update.
    const until = Math.min(
      now.getTime() + callers.ttlMs,
      lastUsedAt + TOUCH_AFTER_MS,
      row.expiresAt?.getTime() ?? Infinity,
    );
    callers.rememberToken(ticket, tokenHash, auth, until);
  }
  return auth;
}
