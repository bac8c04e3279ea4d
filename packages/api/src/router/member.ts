import {
  memberListOutput,
  okOutput,
  orgScoped,
  removeMemberInput,
  updateRoleInput,
  updateRoleOutput,
} from "@tesseract/validators";
import { actor } from "../auth/actor.ts";
import { changeMemberRole, leaveOrganization, membersOf, removeMember } from "../domain/members.ts";
import { signalAuthChange, withEvents } from "../live/publish.ts";
import { orgProcedure, router } from "../trpc.ts";
import { runTransaction } from "../transact.ts";

export const memberRouter = router({
  list: orgProcedure
    .meta({ summary: "An organization's members", permission: "member.read" })
    .output(memberListOutput)
    .query(({ ctx }) => membersOf(ctx.services.db, ctx.org.orgId)),

  updateRole: orgProcedure
    .meta({ summary: "Change a member's role", rateLimit: "write", permission: "member.manage" })
    .input(updateRoleInput)
    .output(updateRoleOutput)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        runTransaction(ctx.services.db, (trx) => changeMemberRole(trx, ctx.org, actor(ctx), input))
          // Committed: every instance forgets the old role before anyone hears of the new one.
          .then(async (changed) => {
            await signalAuthChange(ctx, changed.userId);
            return changed;
          }),
        (changed, base) => ({
          ...base,
          type: "member.role_changed",
          personId: changed.userId,
          role: changed.role,
        }),
      ),
    ),

  remove: orgProcedure
    .meta({ summary: "Remove a member", rateLimit: "write", permission: "member.manage" })
    .input(removeMemberInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await withEvents(
        ctx,
        runTransaction(ctx.services.db, (trx) =>
          removeMember(trx, ctx.org, actor(ctx), {
            userId: input.userId,
            now: ctx.services.now(),
          }),
        ).then(() => signalAuthChange(ctx, input.userId)),
        (_, base) => ({ ...base, type: "member.removed", personId: input.userId }),
      );
      return { ok: true as const };
    }),

  leave: orgProcedure
    .meta({
      summary: "Leave an organization",
      rateLimit: "write",
      permission: "org.read",
      sessionOnly: true,
    })
    .input(orgScoped)
    .output(okOutput)
    .mutation(async ({ ctx }) => {
      await withEvents(
        ctx,
        runTransaction(ctx.services.db, (trx) =>
          leaveOrganization(trx, ctx.org, actor(ctx), ctx.services.now()),
        ).then(() => signalAuthChange(ctx, ctx.auth.user.id)),
        (_, base) => ({ ...base, type: "member.removed", personId: ctx.auth.user.id }),
      );
      return { ok: true as const };
    }),
});
