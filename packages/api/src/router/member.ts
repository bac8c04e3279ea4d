import { orgScoped, removeMemberInput, updateRoleInput, type Role } from "@tesseract/validators";
import { recordActivity } from "../activity.ts";
import { roleAtLeast } from "../auth/permissions.ts";
import { countOwners, findMembershipRole } from "../domain/memberships.ts";
import { AppError } from "../errors.ts";
import { orgProcedure, router } from "../trpc.ts";
import { actor } from "../auth/actor.ts";

export const memberRouter = router({
  list: orgProcedure.meta({ permission: "member.read" }).query(({ ctx }) =>
    ctx.services.db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.id as userId", "u.name", "u.email", "m.role", "m.created_at as joinedAt"])
      .where("m.org_id", "=", ctx.org.orgId)
      .orderBy("u.name")
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, role: r.role as Role }))),
  ),

  updateRole: orgProcedure
    .meta({ rateLimit: "write", permission: "member.manage" })
    .input(updateRoleInput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services;
      return db.transaction().execute(async (trx) => {
        const current = await findMembershipRole(trx, ctx.org.orgId, input.userId);
        if (!current) throw new AppError("NOT_FOUND", "Member not found");
        // Nobody grants a role above their own, or changes someone who outranks them.
        if (!roleAtLeast(ctx.org.role, input.role) || !roleAtLeast(ctx.org.role, current)) {
          throw new AppError("FORBIDDEN", "You cannot give or change a role above your own");
        }
        if (
          current === "owner" &&
          input.role !== "owner" &&
          (await countOwners(trx, ctx.org.orgId)) <= 1
        ) {
          throw new AppError(
            "CONFLICT",
            "An organization needs an owner; make someone else owner first",
          );
        }
        await trx
          .updateTable("memberships")
          .set({ role: input.role })
          .where("org_id", "=", ctx.org.orgId)
          .where("user_id", "=", input.userId)
          .execute();
        await recordActivity(trx, {
          ...actor(ctx),
          action: "member.role_changed",
          targetType: "user",
          targetId: input.userId,
          data: { from: current, to: input.role },
        });
        return { userId: input.userId, role: input.role };
      });
    }),

  remove: orgProcedure
    .meta({ rateLimit: "write", permission: "member.manage" })
    .input(removeMemberInput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services;
      return db.transaction().execute(async (trx) => {
        const current = await findMembershipRole(trx, ctx.org.orgId, input.userId);
        if (!current) throw new AppError("NOT_FOUND", "Member not found");
        if (!roleAtLeast(ctx.org.role, current))
          throw new AppError("FORBIDDEN", "You cannot remove someone who outranks you");
        if (current === "owner" && (await countOwners(trx, ctx.org.orgId)) <= 1) {
          throw new AppError("CONFLICT", "The last owner cannot be removed");
        }
        await trx
          .deleteFrom("memberships")
          .where("org_id", "=", ctx.org.orgId)
          .where("user_id", "=", input.userId)
          .execute();
        // Their tokens for this organization go with the membership.
        await trx
          .updateTable("api_tokens")
          .set({ revoked_at: ctx.services.now() })
          .where("org_id", "=", ctx.org.orgId)
          .where("user_id", "=", input.userId)
          .where("revoked_at", "is", null)
          .execute();
        await recordActivity(trx, {
          ...actor(ctx),
          action: "member.removed",
          targetType: "user",
          targetId: input.userId,
          data: { role: current },
        });
        return { ok: true as const };
      });
    }),

  leave: orgProcedure
    .meta({ rateLimit: "write", permission: "org.read", sessionOnly: true })
    .input(orgScoped)
    .mutation(async ({ ctx }) => {
      const { db } = ctx.services;
      return db.transaction().execute(async (trx) => {
        if (ctx.org.role === "owner" && (await countOwners(trx, ctx.org.orgId)) <= 1) {
          throw new AppError(
            "CONFLICT",
            "You are the last owner; make someone else owner or delete the organization",
          );
        }
        await trx
          .deleteFrom("memberships")
          .where("org_id", "=", ctx.org.orgId)
          .where("user_id", "=", ctx.auth.user.id)
          .execute();
        await trx
          .updateTable("api_tokens")
          .set({ revoked_at: ctx.services.now() })
          .where("org_id", "=", ctx.org.orgId)
          .where("user_id", "=", ctx.auth.user.id)
          .where("revoked_at", "is", null)
          .execute();
        await recordActivity(trx, {
          ...actor(ctx),
          action: "member.left",
          targetType: "user",
          targetId: ctx.auth.user.id,
        });
        return { ok: true as const };
      });
    }),
});
