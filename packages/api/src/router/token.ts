import { createTokenInput, revokeTokenInput, type Role } from "@tesseract/validators";
import { recordActivity } from "../activity.ts";
import { can, roleAtLeast } from "../auth/permissions.ts";
import { API_TOKEN_PREFIX, newSecret } from "../auth/secrets.ts";
import { AppError } from "../errors.ts";
import { orgProcedure, router } from "../trpc.ts";
import { actor } from "../auth/actor.ts";

export const tokenRouter = router({
  /** Shows the secret once; only its hash is kept. */
  create: orgProcedure
    .meta({ rateLimit: "write", permission: "token.create", sessionOnly: true })
    .input(createTokenInput)
    .mutation(async ({ ctx, input }) => {
      if (!roleAtLeast(ctx.org.role, input.role))
        throw new AppError("FORBIDDEN", "A token cannot have a role above your own");
      const { db } = ctx.services;
      const { secret, hash } = newSecret(API_TOKEN_PREFIX);
      const expiresAt = input.expiresInDays
        ? new Date(ctx.services.now().getTime() + input.expiresInDays * 86_400_000)
        : null;
      const token = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("api_tokens")
          .values({
            org_id: ctx.org.orgId,
            user_id: ctx.auth.user.id,
            name: input.name,
            role: input.role,
            token_hash: hash,
            prefix: secret.slice(0, 12),
            expires_at: expiresAt,
          })
          .returning([
            "id",
            "name",
            "role",
            "prefix",
            "expires_at as expiresAt",
            "created_at as createdAt",
          ])
          .executeTakeFirstOrThrow();
        await recordActivity(trx, {
          ...actor(ctx),
          action: "token.created",
          targetType: "token",
          targetId: row.id,
          data: { name: input.name, role: input.role },
        });
        return row;
      });
      return { token: { ...token, role: token.role as Role }, secret };
    }),

  /** Your tokens in this organization; with `token.manage`, everyone's. */
  list: orgProcedure.meta({ permission: "token.use" }).query(async ({ ctx }) => {
    let query = ctx.services.db
      .selectFrom("api_tokens as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .select([
        "t.id",
        "t.name",
        "t.role",
        "t.prefix",
        "t.expires_at as expiresAt",
        "t.last_used_at as lastUsedAt",
        "t.revoked_at as revokedAt",
        "t.created_at as createdAt",
        "u.name as createdBy",
      ])
      .where("t.org_id", "=", ctx.org.orgId)
      .orderBy("t.created_at", "desc")
      .limit(200);
    if (!can(ctx.org.role, "token.manage")) query = query.where("t.user_id", "=", ctx.auth.user.id);
    return (await query.execute()).map((t) => ({ ...t, role: t.role as Role }));
  }),

  /** Your own tokens; with `token.manage`, anyone's. */
  revoke: orgProcedure
    .meta({ rateLimit: "write", permission: "token.use", sessionOnly: true })
    .input(revokeTokenInput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services;
      const token = await db
        .selectFrom("api_tokens")
        .select(["id", "name", "user_id"])
        .where("id", "=", input.tokenId)
        .where("org_id", "=", ctx.org.orgId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (!token) throw new AppError("NOT_FOUND", "No active token with this id");
      if (token.user_id !== ctx.auth.user.id && !can(ctx.org.role, "token.manage")) {
        throw new AppError("FORBIDDEN", "Your role cannot revoke other people's tokens");
      }
      await db
        .updateTable("api_tokens")
        .set({ revoked_at: ctx.services.now() })
        .where("id", "=", token.id)
        .execute();
      await recordActivity(db, {
        ...actor(ctx),
        action: "token.revoked",
        targetType: "token",
        targetId: token.id,
        data: { name: token.name },
      });
      return { ok: true as const };
    }),
});
