import {
  createTokenInput,
  createTokenOutput,
  okOutput,
  revokeTokenInput,
  tokenListOutput,
} from "@tesseract/validators";
import { actor } from "../auth/actor.ts";
import { createToken, revokeToken, tokensOf } from "../domain/tokens.ts";
import { signalAuthChange } from "../live/publish.ts";
import { runTransaction, transact } from "../transact.ts";
import { idempotency, orgProcedure, router } from "../trpc.ts";

export const tokenRouter = router({
  /** Shows the secret once; only its hash is kept. */
  create: orgProcedure
    .meta({
      summary: "Create an API token (its secret is shown once)",
      rateLimit: "write",
      permission: "token.create",
      sessionOnly: true,
    })
    .input(createTokenInput)
    .use(idempotency)
    .output(createTokenOutput)
    .mutation(({ ctx, input }) =>
      transact(ctx, (trx) =>
        createToken(trx, ctx.org, actor(ctx), { ...input, now: ctx.services.now() }),
      ),
    ),

  /** Your tokens in this organization; with `token.manage`, everyone's. */
  list: orgProcedure
    .meta({ summary: "List API tokens", permission: "token.use" })
    .output(tokenListOutput)
    .query(({ ctx }) => tokensOf(ctx.services.db, ctx.org, ctx.auth.user.id)),

  /** Your own tokens; with `token.manage`, anyone's. */
  revoke: orgProcedure
    .meta({
      summary: "Revoke an API token",
      rateLimit: "write",
      permission: "token.use",
      sessionOnly: true,
    })
    .input(revokeTokenInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      const { ownerId } = await runTransaction(ctx.services.db, (trx) =>
        revokeToken(trx, ctx.org, actor(ctx), {
          tokenId: input.tokenId,
          now: ctx.services.now(),
        }),
      );
      // Streams opened with the token end now, not at their next periodic check.
      await signalAuthChange(ctx, ownerId);
      return { ok: true as const };
    }),
});
