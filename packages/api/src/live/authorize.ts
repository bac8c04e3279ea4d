import { TRPCError } from "@trpc/server";
import { resolveAuth } from "../auth/credentials.ts";
import { can, type Permission } from "../auth/permissions.ts";
import { APP_ERROR_CODES, AppError } from "../errors.ts";
import { roleIn } from "../trpc.ts";
import type { LiveContext } from "./stream.ts";

/**
 * The credentials the stream was opened with, resolved again: the session must still exist
 * and the token must not be revoked or expired, for the same person. Throws to end the stream.
 */
async function currentAuth(ctx: LiveContext) {
  const auth = await resolveAuth(ctx).catch((err: unknown) => {
    if (err instanceof AppError)
      throw new TRPCError({ code: APP_ERROR_CODES[err.code], message: err.message });
    throw err;
  });
  if (!auth || auth.user.id !== ctx.auth.user.id)
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended; sign in again" });
  return auth;
}

/** Still signed in as the same person (a person's own stream). */
export function signedInCheck(ctx: LiveContext): () => Promise<void> {
  return async () => {
    await currentAuth(ctx);
  };
}

/** Still signed in, still a member of the organization, still holding the permission. */
export function orgAccessCheck(
  ctx: LiveContext,
  orgId: string,
  permission: Permission,
): () => Promise<void> {
  return async () => {
    const auth = await currentAuth(ctx);
    const role = await roleIn(ctx.services, auth, orgId);
    if (!role)
      throw new TRPCError({ code: "FORBIDDEN", message: "You are no longer in this organization" });
    if (!can(role, permission))
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${role}) cannot do this` });
  };
}
