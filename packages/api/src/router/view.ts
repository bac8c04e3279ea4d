import {
  createViewInput,
  listViewsInput,
  okOutput,
  savedViewSchema,
  updateViewInput,
  viewRefInput,
} from "@tesseract/validators";
import { z } from "zod";
import { actor } from "../auth/actor.ts";
import { can } from "../auth/permissions.ts";
import { createView, deleteView, listViews, updateView } from "../domain/saved-views.ts";
import { orgProcedure, router } from "../trpc.ts";
import { runTransaction } from "../transact.ts";

// Anyone who reads tasks may keep views of them; what each view may do is decided per view
// (its owner changes it; an admin may also delete a shared one). Not cached: the result
// cache is shared by a role, and the list depends on who asks.
const READ = { permission: "task.read", rateLimit: "read" } as const;
const WRITE = { permission: "task.read", rateLimit: "write" } as const;

/** Saved views: named filter sets for a project's list or for My Issues, private or shared. */
export const viewRouter = router({
  list: orgProcedure
    .meta({ summary: "Your views and those shared with the organization, for one scope", ...READ })
    .input(listViewsInput)
    .output(z.array(savedViewSchema))
    .query(({ ctx, input }) =>
      listViews(ctx.services.db, ctx.org.orgId, ctx.auth.user.id, input.projectId),
    ),

  create: orgProcedure
    .meta({ summary: "Save a set of list filters as a named view", ...WRITE })
    .input(createViewInput)
    .output(savedViewSchema)
    .mutation(({ ctx, input }) => {
      const { orgId: _, ...view } = input;
      return runTransaction(ctx.services.db, (trx) =>
        createView(trx, ctx.org.orgId, actor(ctx), view),
      );
    }),

  update: orgProcedure
    .meta({ summary: "Rename a view you saved, change its filters or share it", ...WRITE })
    .input(updateViewInput)
    .output(savedViewSchema)
    .mutation(({ ctx, input }) => {
      const { orgId: _, ...changes } = input;
      return runTransaction(ctx.services.db, (trx) =>
        updateView(trx, ctx.org.orgId, actor(ctx), changes),
      );
    }),

  delete: orgProcedure
    .meta({ summary: "Delete a view you saved (admins: any shared view)", ...WRITE })
    .input(viewRefInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await runTransaction(ctx.services.db, (trx) =>
        deleteView(trx, ctx.org.orgId, actor(ctx), input.viewId, can(ctx.org.role, "view.manage")),
      );
      return { ok: true as const };
    }),
});
