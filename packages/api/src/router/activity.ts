import { orgScoped, pageInput } from "@tesseract/validators";
import { z } from "zod";
import { orgProcedure, router } from "../trpc.ts";

export const activityRouter = router({
  /** The organization's log, newest first, cursor-paginated. */
  list: orgProcedure
    .meta({ permission: "activity.read" })
    .input(
      orgScoped
        .extend(pageInput.shape)
        .extend({ cursor: z.coerce.number().int().positive().nullish() }),
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
      const rows = await query.execute();
      const items = rows.slice(0, input.limit);
      return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
    }),
});
