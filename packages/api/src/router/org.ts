import {
  createOrgInput,
  createOrgOutput,
  deleteOrgInput,
  okOutput,
  orgListOutput,
  orgWithRoleOutput,
  updateOrgInput,
  updateOrgOutput,
} from "@tesseract/validators";
import { actor } from "../auth/actor.ts";
import { attachmentKeysUnder, removeAttachmentObjects } from "../domain/attachments.ts";
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  organizationsOf,
  renameOrganization,
} from "../domain/orgs.ts";
import { signalOrgAccessChange } from "../live/publish.ts";
import { runTransaction, transact } from "../transact.ts";
import {
  authedProcedure,
  idempotency,
  orgProcedure,
  resultCache,
  router,
  sessionProcedure,
} from "../trpc.ts";

export const orgRouter = router({
  create: sessionProcedure
    .meta({ summary: "Create an organization", rateLimit: "orgCreate" })
    .input(createOrgInput)
    .use(idempotency)
    .output(createOrgOutput)
    .mutation(({ ctx, input }) =>
      transact(ctx, (trx) => createOrganization(trx, ctx.auth.user, input.name)),
    ),

  /** The caller's organizations (a token sees only its own). */
  list: authedProcedure
    .meta({ summary: "Your organizations" })
    .output(orgListOutput)
    .query(({ ctx }) =>
      organizationsOf(
        ctx.services.db,
        ctx.auth.user.id,
        ctx.auth.kind === "token" ? ctx.auth.orgId : undefined,
      ),
    ),

  // Cached (in memory, then Redis): the row changes only through update, which invalidates it.
  get: orgProcedure
    .meta({
      summary: "An organization and your role in it",
      permission: "org.read",
      cache: { tags: ["org"] },
    })
    .use(resultCache)
    .output(orgWithRoleOutput)
    .query(({ ctx }) => getOrganization(ctx.services.db, ctx.org)),

  update: orgProcedure
    .meta({
      summary: "Rename an organization",
      rateLimit: "write",
      permission: "org.update",
      invalidates: ["org"],
    })
    .input(updateOrgInput)
    .output(updateOrgOutput)
    .mutation(({ ctx, input }) =>
      runTransaction(ctx.services.db, (trx) =>
        renameOrganization(trx, ctx.org.orgId, actor(ctx), {
          name: input.name,
          now: ctx.services.now(),
        }),
      ),
    ),

  delete: orgProcedure
    .meta({
      summary: "Delete an organization and everything in it",
      rateLimit: "write",
      permission: "org.delete",
      sessionOnly: true,
      invalidates: ["org"],
    })
    .input(deleteOrgInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      // Its files go too: their rows by cascade, their objects once that committed.
      const keys = await runTransaction(ctx.services.db, async (trx) => {
        const keys = await attachmentKeysUnder(trx, ctx.org.orgId, "organization");
        await deleteOrganization(trx, ctx.org.orgId, actor(ctx), input.confirmName);
        return keys;
      });
      // Its memberships and tokens went with it: no instance may keep answering for them.
      await signalOrgAccessChange(ctx, ctx.org.orgId);
      await removeAttachmentObjects(ctx.services.storage, keys);
      ctx.logger.info({ orgId: ctx.org.orgId, by: ctx.auth.user.id }, "organization deleted");
      return { ok: true as const };
    }),
});
