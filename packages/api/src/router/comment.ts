import {
  commentRefInput,
  createCommentInput,
  listCommentsInput,
  updateCommentInput,
} from "@tesseract/validators";
import { actor } from "../auth/actor.ts";
import { createComment, deleteComment, listComments, updateComment } from "../domain/comments.ts";
import { withEvents } from "../live/publish.ts";
import { orgProcedure, resultCache, router } from "../trpc.ts";

const WRITE = {
  permission: "comment.write",
  rateLimit: "write",
  invalidates: ["comments"],
} as const;

export const commentRouter = router({
  create: orgProcedure
    .meta(WRITE)
    .input(createCommentInput)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        ctx.services.db
          .transaction()
          .execute((trx) => createComment(trx, ctx.org.orgId, actor(ctx), input)),
        (comment, base) => ({
          ...base,
          type: "comment.created",
          taskId: comment.taskId,
          projectId: comment.projectId,
          comment,
        }),
      ),
    ),

  list: orgProcedure
    .meta({ permission: "task.read", rateLimit: "read", cache: { tags: ["comments"] } })
    .input(listCommentsInput)
    .use(resultCache)
    .query(({ ctx, input }) => listComments(ctx.services.db, ctx.org.orgId, input)),

  update: orgProcedure
    .meta(WRITE)
    .input(updateCommentInput)
    .mutation(({ ctx, input }) =>
      ctx.services.db
        .transaction()
        .execute((trx) =>
          updateComment(trx, ctx.org, actor(ctx), { ...input, now: ctx.services.now() }),
        ),
    ),

  delete: orgProcedure
    .meta(WRITE)
    .input(commentRefInput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.db
        .transaction()
        .execute((trx) => deleteComment(trx, ctx.org, actor(ctx), input.commentId));
      return { ok: true as const };
    }),
});
