import type { Auth } from "../auth/credentials.ts";
import type { Context } from "../context.ts";

/** Who to credit in the activity log, and from where. */
export function actor(ctx: Context & { auth: Auth; org?: { orgId: string } }) {
  return {
    orgId: ctx.org?.orgId ?? null,
    actorUserId: ctx.auth.user.id,
    actorTokenId: ctx.auth.kind === "token" ? ctx.auth.tokenId : null,
    ip: ctx.request.clientIp,
    userAgent: ctx.request.userAgent,
  };
}

/** Who acts, as domain functions take it: plain data, never the request. */
export type Actor = ReturnType<typeof actor>;
