import {
  createProjectInput,
  deleteProjectInput,
  exportOutput,
  listProjectsInput,
  okOutput,
  projectExportInput,
  projectListOutput,
  projectOutput,
  projectRefInput,
  updateProjectInput,
} from "@tesseract/validators";
import { requestProjectExport } from "../domain/exports.ts";
import { actor } from "../auth/actor.ts";
import { attachmentKeysUnder, removeAttachmentObjects } from "../domain/attachments.ts";
import {
  createProject,
  deleteProject,
  getProject,
  projectsOf,
  setProjectArchived,
  updateProject,
} from "../domain/projects.ts";
import { withEvents, type EventBase } from "../live/publish.ts";
import { runTransaction, transact } from "../transact.ts";
import { idempotency, orgProcedure, resultCache, router } from "../trpc.ts";

const TAGS = { cache: { tags: ["projects"] }, invalidates: ["projects"] } as const;
const WRITE = {
  permission: "project.write",
  rateLimit: "write",
  invalidates: TAGS.invalidates,
} as const;
const MANAGE = { ...WRITE, permission: "project.manage" } as const;

const projectUpdated = (project: { id: string; key: string; name: string }, base: EventBase) =>
  ({ ...base, type: "project.updated", project }) as const;

/** project.archive (true) and project.restore (false). */
function archiving(archived: boolean) {
  return orgProcedure
    .meta({ ...MANAGE, summary: archived ? "Archive a project" : "Restore an archived project" })
    .input(projectRefInput)
    .output(projectOutput)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        runTransaction(ctx.services.db, (trx) =>
          setProjectArchived(trx, ctx.org.orgId, actor(ctx), {
            projectId: input.projectId,
            archived,
            now: ctx.services.now(),
          }),
        ),
        projectUpdated,
      ),
    );
}

export const projectRouter = router({
  create: orgProcedure
    .meta({ summary: "Create a project", ...WRITE })
    .input(createProjectInput)
    .use(idempotency)
    .output(projectOutput)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        transact(ctx, (trx) => createProject(trx, ctx.org.orgId, actor(ctx), input)),
        (project, base) => ({ ...base, type: "project.created", project }),
      ),
    ),

  list: orgProcedure
    .meta({
      summary: "List the projects of an organization with open-task counts",
      permission: "project.read",
      rateLimit: "read",
      cache: TAGS.cache,
      reads: "replica",
    })
    .input(listProjectsInput)
    .use(resultCache)
    .output(projectListOutput)
    .query(({ ctx, input }) => projectsOf(ctx.readDb, ctx.org.orgId, input)),

  get: orgProcedure
    .meta({
      summary: "Get a project",
      permission: "project.read",
      rateLimit: "read",
      cache: TAGS.cache,
    })
    .input(projectRefInput)
    .use(resultCache)
    .output(projectOutput)
    .query(({ ctx, input }) => getProject(ctx.services.db, ctx.org.orgId, input.projectId)),

  update: orgProcedure
    .meta({ ...WRITE, summary: "Rename or describe a project" })
    .input(updateProjectInput)
    .output(projectOutput)
    .mutation(({ ctx, input }) =>
      withEvents(
        ctx,
        runTransaction(ctx.services.db, (trx) =>
          updateProject(trx, ctx.org.orgId, actor(ctx), { ...input, now: ctx.services.now() }),
        ),
        projectUpdated,
      ),
    ),

  /** Starts an export of the project's tasks (a job); follow it with export.get. */
  export: orgProcedure
    .meta({
      summary: "Start an export of a project's tasks (CSV or JSON)",
      permission: "project.export",
      rateLimit: "export",
    })
    .input(projectExportInput)
    .use(idempotency)
    .output(exportOutput)
    .mutation(({ ctx, input }) =>
      transact(ctx, (trx) =>
        requestProjectExport(trx, ctx.org.orgId, ctx.auth.user.id, input, {
          now: ctx.services.now(),
          requestId: ctx.requestId,
        }),
      ),
    ),

  archive: archiving(true),

  restore: archiving(false),

  delete: orgProcedure
    .meta({
      summary: "Delete a project, its tasks and files",
      ...MANAGE,
      invalidates: ["projects", "tasks", "comments", "attachments"],
    })
    .input(deleteProjectInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      // The tasks' files go too: their rows by cascade, their objects once that committed.
      const keys = await withEvents(
        ctx,
        runTransaction(ctx.services.db, async (trx) => {
          const keys = await attachmentKeysUnder(trx, ctx.org.orgId, {
            projectId: input.projectId,
          });
          await deleteProject(trx, ctx.org.orgId, actor(ctx), input);
          return keys;
        }),
        (_, base) => ({ ...base, type: "project.deleted", projectId: input.projectId }),
      );
      await removeAttachmentObjects(ctx.services.storage, keys);
      return { ok: true as const };
    }),
});
