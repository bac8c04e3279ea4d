import {
  commentRefInput,
  createCommentInput,
  listCommentsInput,
  updateCommentInput,
} from "@tesseract/validators";
import { sql, type SqlBool } from "@tesseract/db";
import { recordActivity } from "../activity.ts";
import { can } from "../auth/permissions.ts";
import { z } from "zod";
import { cursorValue, decodeCursor, encodeCursor } from "../domain/cursor.ts";
import { getTask } from "../domain/tasks.ts";
import { AppError } from "../errors.ts";
import { orgProcedure, resultCache, router } from "../trpc.ts";
import { actor } from "../auth/actor.ts";

const columns = [
  "c.id",
  "c.task_id as taskId",
  "c.author_id as authorId",
  "u.name as authorName",
  "c.body",
  "c.created_at as createdAt",
  "c.updated_at as updatedAt",
] as const;

type Ctx = Parameters<typeof actor>[0] & {
  org: { orgId: string; role: Parameters<typeof can>[0] };
};

/** The comment, if the caller may change it: its author, or someone who moderates. */
async function getEditableComment(ctx: Ctx, commentId: string) {
  const comment = await ctx.services.db
    .selectFrom("comments as c")
    .innerJoin("tasks as t", "t.id", "c.task_id")
    .select(["c.id", "c.author_id", "c.task_id", "t.project_id"])
    .where("c.org_id", "=", ctx.org.orgId)
    .where("c.id", "=", commentId)
    .executeTakeFirst();
  if (!comment) throw new AppError("NOT_FOUND", "Comment not found");
  if (comment.author_id !== ctx.auth.user.id && !can(ctx.org.role, "comment.moderate")) {
    throw new AppError("FORBIDDEN", "Only the author or an admin can change this comment");
  }
  return comment;
}

export const commentRouter = router({
  create: orgProcedure
    .meta({ permission: "comment.write", rateLimit: "write", invalidates: ["comments"] })
    .input(createCommentInput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services;
      const task = await getTask(db, ctx.org.orgId, input.taskId);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("comments")
          .values({
            org_id: ctx.org.orgId,
            task_id: task.id,
            author_id: ctx.auth.user.id,
            body: input.body,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await recordActivity(trx, {
          ...actor(ctx),
          projectId: task.projectId,
          action: "comment.created",
          targetType: "task",
          targetId: task.id,
          data: { key: task.key, commentId: row.id },
        });
        return trx
          .selectFrom("comments as c")
          .leftJoin("users as u", "u.id", "c.author_id")
          .select(columns)
          .where("c.id", "=", row.id)
          .executeTakeFirstOrThrow();
      });
    }),

  list: orgProcedure
    .meta({ permission: "task.read", rateLimit: "read", cache: { tags: ["comments"] } })
    .input(listCommentsInput)
    .use(resultCache)
    .query(async ({ ctx, input }) => {
      const { db } = ctx.services;
      await getTask(db, ctx.org.orgId, input.taskId);
      let query = db
        .selectFrom("comments as c")
        .leftJoin("users as u", "u.id", "c.author_id")
        .select(columns)
        .select(sql<string>`c.created_at::text`.as("sortValue"))
        .where("c.org_id", "=", ctx.org.orgId)
        .where("c.task_id", "=", input.taskId)
        .orderBy("c.created_at")
        .orderBy("c.id")
        .limit(input.limit + 1);
      if (input.cursor) {
        const [value, id] = decodeCursor(
          input.cursor,
          z.tuple([cursorValue.timestamptz, cursorValue.id]),
        );
        query = query.where(
          sql<SqlBool>`(c.created_at, c.id) > (cast(${value} as timestamptz), cast(${id} as uuid))`,
        );
      }
      const rows = await query.execute();
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map(({ sortValue: _, ...comment }) => comment),
        nextCursor:
          rows.length > input.limit && last ? encodeCursor([last.sortValue, last.id]) : null,
      };
    }),

  update: orgProcedure
    .meta({ permission: "comment.write", rateLimit: "write", invalidates: ["comments"] })
    .input(updateCommentInput)
    .mutation(async ({ ctx, input }) => {
      const comment = await getEditableComment(ctx, input.commentId);
      const { db } = ctx.services;
      await db
        .updateTable("comments")
        .set({ body: input.body, updated_at: ctx.services.now() })
        .where("id", "=", comment.id)
        .execute();
      await recordActivity(db, {
        ...actor(ctx),
        projectId: comment.project_id,
        action: "comment.updated",
        targetType: "task",
        targetId: comment.task_id,
        data: { commentId: comment.id },
      });
      return db
        .selectFrom("comments as c")
        .leftJoin("users as u", "u.id", "c.author_id")
        .select(columns)
        .where("c.id", "=", comment.id)
        .executeTakeFirstOrThrow();
    }),

  delete: orgProcedure
    .meta({ permission: "comment.write", rateLimit: "write", invalidates: ["comments"] })
    .input(commentRefInput)
    .mutation(async ({ ctx, input }) => {
      const comment = await getEditableComment(ctx, input.commentId);
      const { db } = ctx.services;
      await db.deleteFrom("comments").where("id", "=", comment.id).execute();
      await recordActivity(db, {
        ...actor(ctx),
        projectId: comment.project_id,
        action: "comment.deleted",
        targetType: "task",
        targetId: comment.task_id,
        data: { commentId: comment.id },
      });
      return { ok: true as const };
    }),
});
