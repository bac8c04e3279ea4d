import {
  createInvitationInput,
  linkTokenSchema,
  revokeInvitationInput,
  type Role,
} from "@tesseract/validators";
import { z } from "zod";
import { recordActivity } from "../activity.ts";
import { roleAtLeast } from "../auth/permissions.ts";
import { newSecret, sha256 } from "../auth/secrets.ts";
import { invitationStatus, previewInvitation } from "../domain/invitations.ts";
import { AppError } from "../errors.ts";
import { enforceRateLimits } from "../policy/rate-limit.ts";
import { invitationEmail } from "../mail/templates.ts";
import { orgProcedure, publicProcedure, router, sessionProcedure } from "../trpc.ts";
import { actor } from "../auth/actor.ts";

const LIFETIME_MS = 7 * 24 * 3_600_000;

export const invitationRouter = router({
  create: orgProcedure
    .meta({ rateLimit: "write", permission: "member.invite" })
    .input(createInvitationInput)
    .mutation(async ({ ctx, input }) => {
      // Each invitation sends an email: cap them per organization, whoever sends them.
      await enforceRateLimits(ctx, [
        { key: `invite:org:${ctx.org.orgId}`, rule: { limit: 100, windowSeconds: 3_600 } },
      ]);
      if (!roleAtLeast(ctx.org.role, input.role))
        throw new AppError("FORBIDDEN", "You cannot invite someone with a role above your own");
      const { db } = ctx.services;
      const existing = await db
        .selectFrom("memberships as m")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select("u.id")
        .where("m.org_id", "=", ctx.org.orgId)
        .where("u.email", "=", input.email)
        .executeTakeFirst();
      if (existing) throw new AppError("CONFLICT", "This person is already a member");
      const { secret, hash } = newSecret();
      const now = ctx.services.now();
      const invitation = await db.transaction().execute(async (trx) => {
        // A new invitation replaces any pending one for the same address.
        await trx
          .updateTable("invitations")
          .set({ revoked_at: now })
          .where("org_id", "=", ctx.org.orgId)
          .where("email", "=", input.email)
          .where("accepted_at", "is", null)
          .where("revoked_at", "is", null)
          .execute();
        const row = await trx
          .insertInto("invitations")
          .values({
            org_id: ctx.org.orgId,
            email: input.email,
            role: input.role,
            token_hash: hash,
            invited_by: ctx.auth.user.id,
            expires_at: new Date(now.getTime() + LIFETIME_MS),
          })
          .returning(["id", "email", "role", "expires_at as expiresAt", "created_at as createdAt"])
          .executeTakeFirstOrThrow();
        await recordActivity(trx, {
          ...actor(ctx),
          action: "invitation.created",
          targetType: "invitation",
          targetId: row.id,
          data: { email: input.email, role: input.role },
        });
        return row;
      });
      const org = await db
        .selectFrom("organizations")
        .select("name")
        .where("id", "=", ctx.org.orgId)
        .executeTakeFirstOrThrow();
      const link = new URL("/invitations/accept", ctx.services.config.server.publicUrl);
      link.searchParams.set("token", secret);
      const acceptUrl = link.toString();
      const emailSent = await ctx.services.mailer
        .send(
          invitationEmail(input.email, {
            orgName: org.name,
            inviterName: ctx.auth.user.name,
            role: input.role,
            link: acceptUrl,
          }),
        )
        .then(
          () => true,
          (err: unknown) => {
            // The invitation stands: the inviter gets its link below and can pass it on.
            ctx.logger.error({ err }, "could not send invitation email");
            return false;
          },
        );
      return {
        ...invitation,
        role: invitation.role as Role,
        status: "pending" as const,
        /**
         * The link that accepts this invitation, for the inviter to pass on where email does not
         * reach (no SMTP, a spam filter). It holds the token, which is stored only as a hash, so
         * it is shown here once, to someone allowed to invite, and never listed again.
         */
        acceptUrl,
        emailSent,
      };
    }),

  list: orgProcedure.meta({ permission: "member.invite" }).query(async ({ ctx }) => {
    const rows = await ctx.services.db
      .selectFrom("invitations as i")
      .leftJoin("users as u", "u.id", "i.invited_by")
      .select([
        "i.id",
        "i.email",
        "i.role",
        "i.expires_at",
        "i.accepted_at",
        "i.revoked_at",
        "i.created_at as createdAt",
        "u.name as invitedBy",
      ])
      .where("i.org_id", "=", ctx.org.orgId)
      .orderBy("i.created_at", "desc")
      .limit(200)
      .execute();
    const now = ctx.services.now();
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role as Role,
      invitedBy: r.invitedBy,
      createdAt: r.createdAt,
      expiresAt: r.expires_at,
      status: invitationStatus(r, now),
    }));
  }),

  revoke: orgProcedure
    .meta({ rateLimit: "write", permission: "member.invite" })
    .input(revokeInvitationInput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services;
      const row = await db
        .updateTable("invitations")
        .set({ revoked_at: ctx.services.now() })
        .where("id", "=", input.invitationId)
        .where("org_id", "=", ctx.org.orgId)
        .where("accepted_at", "is", null)
        .where("revoked_at", "is", null)
        .returning(["id", "email"])
        .executeTakeFirst();
      if (!row) throw new AppError("NOT_FOUND", "No pending invitation with this id");
      await recordActivity(db, {
        ...actor(ctx),
        action: "invitation.revoked",
        targetType: "invitation",
        targetId: row.id,
        data: { email: row.email },
      });
      return { ok: true as const };
    }),

  /** What the accept page shows before the person signs in. */
  preview: publicProcedure
    .input(z.object({ token: linkTokenSchema }))
    .query(async ({ ctx, input }) => {
      const preview = await previewInvitation(ctx.services.db, input.token, ctx.services.now());
      if (!preview) throw new AppError("NOT_FOUND", "This invitation link is not valid");
      return preview;
    }),

  accept: sessionProcedure
    .input(z.object({ token: linkTokenSchema }))
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services;
      const now = ctx.services.now();
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom("invitations")
          .selectAll()
          .where("token_hash", "=", sha256(input.token))
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw new AppError("NOT_FOUND", "This invitation link is not valid");
        const status = invitationStatus(row, now);
        if (status !== "pending")
          throw new AppError(
            "CONFLICT",
            `This invitation was already ${status}; ask for a new one`,
          );
        if (row.email !== ctx.auth.user.email) {
          throw new AppError(
            "FORBIDDEN",
            `This invitation is for ${row.email}; sign in with that address to accept it`,
          );
        }
        await trx
          .insertInto("memberships")
          .values({ org_id: row.org_id, user_id: ctx.auth.user.id, role: row.role })
          .onConflict((oc) => oc.columns(["org_id", "user_id"]).doNothing())
          .execute();
        await trx
          .updateTable("invitations")
          .set({ accepted_at: now })
          .where("id", "=", row.id)
          .execute();
        // Receiving the invitation proves the address.
        await trx
          .updateTable("users")
          .set({ email_verified_at: now })
          .where("id", "=", ctx.auth.user.id)
          .where("email_verified_at", "is", null)
          .execute();
        await recordActivity(trx, {
          ...actor(ctx),
          orgId: row.org_id,
          action: "invitation.accepted",
          targetType: "invitation",
          targetId: row.id,
          data: { role: row.role },
        });
        return { orgId: row.org_id, role: row.role as Role };
      });
    }),
});
