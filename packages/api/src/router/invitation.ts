import {
  acceptInvitationOutput,
  createInvitationInput,
  createInvitationOutput,
  invitationListOutput,
  invitationPreviewOutput,
  linkTokenSchema,
  okOutput,
  revokeInvitationInput,
} from "@tesseract/validators";
import { z } from "zod";
import { actor } from "../auth/actor.ts";
import {
  acceptInvitation,
  createInvitation,
  getInvitationPreview,
  invitationsOf,
  revokeInvitation,
} from "../domain/invitations.ts";
import { eventActor, publishEvent } from "../live/publish.ts";
import { transactForRequest } from "../mail/outbox.ts";
import { invitationLimits } from "../policy/limits.ts";
import {
  idempotency,
  limitedBy,
  orgProcedure,
  publicProcedure,
  router,
  sessionProcedure,
} from "../trpc.ts";
import { runTransaction } from "../transact.ts";

export const invitationRouter = router({
  create: orgProcedure
    .meta({
      summary: "Invite someone to the organization by email",
      rateLimit: "write",
      permission: "member.invite",
    })
    .input(createInvitationInput)
    .use(limitedBy(invitationLimits))
    .use(idempotency)
    .output(createInvitationOutput)
    .mutation(async ({ ctx, input }) => {
      const { result, delivered } = await transactForRequest(ctx, (trx, mail) =>
        createInvitation(trx, mail, ctx.org, actor(ctx), {
          email: input.email,
          role: input.role,
          inviterName: ctx.auth.user.name,
          now: ctx.services.now(),
          publicUrl: ctx.services.config.server.publicUrl,
        }),
      );
      // The email is queued with the invitation (the worker sends it, retrying on failure);
      // the inviter gets its link too and can pass it on.
      return { ...result, emailSent: await delivered };
    }),

  list: orgProcedure
    .meta({ summary: "List pending invitations", permission: "member.invite" })
    .output(invitationListOutput)
    .query(({ ctx }) => invitationsOf(ctx.services.db, ctx.org.orgId, ctx.services.now())),

  revoke: orgProcedure
    .meta({ summary: "Revoke an invitation", rateLimit: "write", permission: "member.invite" })
    .input(revokeInvitationInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await runTransaction(ctx.services.db, (trx) =>
        revokeInvitation(trx, ctx.org.orgId, actor(ctx), {
          invitationId: input.invitationId,
          now: ctx.services.now(),
        }),
      );
      return { ok: true as const };
    }),

  /** What the accept page shows before the person signs in. */
  preview: publicProcedure
    .meta({ summary: "What an invitation link is for" })
    .input(z.object({ token: linkTokenSchema }))
    .output(invitationPreviewOutput)
    .query(({ ctx, input }) =>
      getInvitationPreview(ctx.services.db, input.token, ctx.services.now()),
    ),

  accept: sessionProcedure
    .meta({ summary: "Join an organization by invitation" })
    .input(z.object({ token: linkTokenSchema }))
    .output(acceptInvitationOutput)
    .mutation(async ({ ctx, input }) => {
      const joined = await runTransaction(ctx.services.db, (trx) =>
        acceptInvitation(trx, actor(ctx), {
          token: input.token,
          email: ctx.auth.user.email,
          now: ctx.services.now(),
        }),
      );
      // Committed: the organization's members page (and the person's own stream) hear of it.
      await publishEvent(ctx, {
        type: "member.added",
        orgId: joined.orgId,
        personId: ctx.auth.user.id,
        role: joined.role,
        at: ctx.services.now(),
        actor: eventActor(ctx.auth),
      });
      return joined;
    }),
});
