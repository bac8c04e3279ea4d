import {
  commentOutput,
  commentPageOutput,
  commentRefInput,
  createCommentInput,
  createCommentOutput,
  listCommentsInput,
  okOutput,
  updateCommentInput,
} from "@tesseract/validators";
import { actor } from "../auth/actor.ts";
import { transactWithNotifications } from "../notifications/after-commit.ts";
import { createComment, deleteComment, listComments, updateComment } from "../domain/comments.ts";
import { withEvents } from "../live/publish.ts";
import { idempotency, orgProcedure, resultCache, router } from "../trpc.ts";
import { runTransaction } from "../transact.ts";

const WRITE = {
  permission: "comment.write",
  rateLimit: "write",
  invalidates: ["comments"],
} as const;

export const commentRouter = router({
  create: orgProcedure
    .meta({ summary: "Comment on a task", ...WRITE })
    .input(createCommentInput)
    .use(idempotency)
    .output(createCommentOutput)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        transactWithNotifications(
          ctx.services,
          (trx, notifications) =>
            createComment(trx, ctx.org.orgId, actor(ctx), input, notifications),
          ctx,
        ),
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
    .meta({
      summary: "List a task's comments (paged)",
      permission: "task.read",
      rateLimit: "read",
      cache: { tags: ["comments"] },
      reads: "replica",
    })
    .input(listCommentsInput)
    .use(resultCache)
    .output(commentPageOutput)
    .query(({ ctx, input }) => listComments(ctx.readDb, ctx.org.orgId, input)),

  update: orgProcedure
    .meta({ ...WRITE, summary: "Edit a comment" })
    .input(updateCommentInput)
    .output(commentOutput)
    .mutation(({ ctx, input }) =>
      transactWithNotifications(ctx.services, (trx, notifications) =>
        updateComment(
          trx,
          ctx.org,
          actor(ctx),
          { ...input, now: ctx.services.now() },
          notifications,
        ),
      ),
    ),

  delete: orgProcedure
    .meta({ ...WRITE, summary: "Delete a comment" })
    .input(commentRefInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await runTransaction(ctx.services.db, (trx) =>
        deleteComment(trx, ctx.org, actor(ctx), input.commentId),
      );
      return { ok: true as const };
    }),
});
