import type { Context } from "../context.ts";
import type { AccountDeps, Client } from "../domain/accounts.ts";
import { readCookie } from "./cookies.ts";

/** Where the request comes from, as domain functions take it. */
export function clientOf(ctx: Context): Client {
  return { ip: ctx.request.clientIp, userAgent: ctx.request.userAgent };
}

/** What the account functions need from a request's services, read once, as plain values. */
export function accountDeps(ctx: Context): AccountDeps {
  return {
    sessions: ctx.services.sessions,
    now: ctx.services.now(),
    publicUrl: ctx.services.config.server.publicUrl,
    client: clientOf(ctx),
  };
}

/** The session secret the browser presented in its cookie, if any. */
export function presentedSession(ctx: Context): string | undefined {
  return readCookie(ctx.request.headers.cookie, ctx.services.config.sessions.cookieName);
}
