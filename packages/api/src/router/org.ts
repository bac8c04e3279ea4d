import { createOrgInput, deleteOrgInput, updateOrgInput } from "@tesseract/validators";
import { recordActivity } from "../activity.ts";
import { createOrganization } from "../domain/orgs.ts";
import { AppError } from "../errors.ts";
import { authedProcedure, orgProcedure, router, sessionProcedure } from "../trpc.ts";
import { actor } from "../auth/actor.ts";

export const orgRouter = router({
  create: sessionProcedure
    .meta({ rateLimit: "orgCreate" })
    .input(createOrgInput)
    .mutation(({ ctx, input }) => createOrganization(ctx.services.db, ctx.auth.user, input.name)),

  /** The caller's organizations (a token sees only its own). */
  list: authedProcedure.query(async ({ ctx }) => {
    let query = ctx.services.db
      .selectFrom("memberships as m")
      .innerJoin("organizations as o", "o.id", "m.org_id")
      .select(["o.id", "o.name", "o.slug", "m.role", "o.created_at as createdAt"])
      .where("m.user_id", "=", ctx.auth.user.id)
      .orderBy("o.name");
    if (ctx.auth.kind === "token") query = query.where("o.id", "=", ctx.auth.orgId);
    return query.execute();
  }),

  get: orgProcedure.meta({ permission: "org.read" }).query(async ({ ctx }) => {
    const org = await ctx.services.db
      .selectFrom("organizations")
      .select(["id", "name", "slug", "created_at as createdAt"])
      .where("id", "=", ctx.org.orgId)
      .executeTakeFirstOrThrow();
    return { ...org, role: ctx.org.role };
  }),

  update: orgProcedure
    .meta({ rateLimit: "write", permission: "org.update" })
    .input(updateOrgInput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services;
      const org = await db
        .updateTable("organizations")
        .set({ name: input.name, updated_at: ctx.services.now() })
        .where("id", "=", ctx.org.orgId)
        .returning(["id", "name", "slug"])
        .executeTakeFirstOrThrow();
      await recordActivity(db, {
        ...actor(ctx),
        action: "org.updated",
        targetType: "org",
        targetId: org.id,
        data: { name: input.name },
      });
      return org;
    }),

  delete: orgProcedure
    .meta({ rateLimit: "write", permission: "org.delete", sessionOnly: true })
    .input(deleteOrgInput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services;
      const org = await db
        .selectFrom("organizations")
        .select("name")
        .where("id", "=", ctx.org.orgId)
        .executeTakeFirstOrThrow();
      if (org.name !== input.confirmName) {
        throw new AppError(
          "BAD_REQUEST",
          "Type the organization's name exactly to confirm deletion",
        );
      }
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("organizations").where("id", "=", ctx.org.orgId).execute();
        // Recorded outside the organization (org_id null), so the record outlives it.
        await recordActivity(trx, {
          ...actor(ctx),
          orgId: null,
          action: "org.deleted",
          targetType: "org",
          targetId: ctx.org.orgId,
          data: { name: org.name },
        });
      });
      ctx.logger.info({ orgId: ctx.org.orgId, by: ctx.auth.user.id }, "organization deleted");
      return { ok: true as const };
    }),
});
