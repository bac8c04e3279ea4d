import { orgScoped, pageInput } from "@tesseract/validators";
import { z } from "zod";
import { orgProcedure, router } from "../trpc.ts";

export const activityRouter = router({
  /** The organization's log, newest first, cursor-paginated; optionally one project's or task's. */
  list: orgProcedure
    .meta({ permission: "activity.read" })
    .input(
      orgScoped.extend(pageInput.shape).extend({
        cursor: z.coerce.number().int().positive().nullish(),
        projectId: z.uuid("Unknown project").optional(),
        taskId: z.uuid("Unknown task").optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      let query = ctx.services.db.db
        .selectFrom("activity as a")
        .leftJoin("users as u", "u.id", "a.actor_user_id")
        .leftJoin("api_tokens as t", "t.id", "a.actor_token_id")
        .select([
          "a.id",
          "a.action",
          "a.target_type as targetType",
          "a.target_id as targetId",
          "a.data",
          "a.ip",
          "a.created_at as createdAt",
          "u.name as actorName",
          "u.email as actorEmail",
          "t.name as tokenName",
        ])
        .where("a.org_id", "=", ctx.org.orgId)
        .orderBy("a.id", "desc")
        .limit(input.limit + 1);
      if (input.cursor) query = query.where("a.id", "<", input.cursor);
      if (input.projectId) query = query.where("a.project_id", "=", input.projectId);
      if (input.taskId)
        query = query.where("a.target_type", "=", "task").where("a.target_id", "=", input.taskId);
      const rows = await query.execute();
      const items = rows.slice(0, input.limit);
      return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
    }),
});
