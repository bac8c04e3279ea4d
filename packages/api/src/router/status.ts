import {
  createStatusInput,
  deleteStatusInput,
  listStatusesInput,
  projectStatusListOutput,
  projectStatusOutput,
  updateStatusInput,
} from "@tesseract/validators";
import { createStatus, deleteStatus, listStatuses, updateStatus } from "../domain/statuses.ts";
import type { EventBase } from "../live/publish.ts";
import { orgWrite } from "./org-write.ts";
import { orgProcedure, resultCache, router } from "../trpc.ts";

// A project's workflow is its board's shape for everyone: admins change it (project.manage),
// everyone who reads the project reads it. Its changes rename and move tasks' statuses, so they
// invalidate task and project answers too.
const MANAGE = {
  permission: "project.manage",
  rateLimit: "write",
  invalidates: ["statuses", "tasks", "projects"],
} as const;

const changed = (status: { projectId: string }, base: EventBase) =>
  ({ ...base, type: "status.changed", projectId: status.projectId }) as const;

/** Each project's statuses (its workflow): the board's columns, in five categories. */
export const statusRouter = router({
  list: orgProcedure
    .meta({
      summary: "A project's statuses in board order (category, then position)",
      permission: "project.read",
      rateLimit: "read",
      // The counts change with tasks.
      cache: { tags: ["statuses", "tasks"] },
    })
    .input(listStatusesInput)
    .use(resultCache)
    .output(projectStatusListOutput)
    .query(({ ctx, input }) => listStatuses(ctx.services.db, ctx.org.orgId, input.projectId)),

  create: orgProcedure
    .meta({ ...MANAGE, summary: "Add a status to a project's workflow" })
    .input(createStatusInput)
    .output(projectStatusOutput)
    .mutation(({ ctx, input }) => orgWrite(ctx, input, createStatus, changed)),

  update: orgProcedure
    .meta({ ...MANAGE, summary: "Rename a status, change its category or reorder it" })
    .input(updateStatusInput)
    .output(projectStatusOutput)
    .mutation(({ ctx, input }) => orgWrite(ctx, input, updateStatus, changed)),

  delete: orgProcedure
    .meta({ ...MANAGE, summary: "Delete a status, moving its tasks to another status" })
    .input(deleteStatusInput)
    .output(projectStatusOutput)
    .mutation(({ ctx, input }) => orgWrite(ctx, input, deleteStatus, changed)),
});
