import {
  createProjectInput,
  deleteProjectInput,
  listProjectsInput,
  projectExportInput,
  projectRefInput,
  updateProjectInput,
} from "@tesseract/validators";
import { recordActivity } from "../activity.ts";
import { requestProjectExport } from "../domain/exports.ts";
import { AppError } from "../errors.ts";
import { orgProcedure, resultCache, router } from "../trpc.ts";
import { actor } from "../auth/actor.ts";

const projectColumns = [
  "id",
  "key",
  "name",
  "description",
  "archived_at as archivedAt",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

const TAGS = { cache: { tags: ["projects"] }, invalidates: ["projects"] } as const;

export const projectRouter = router({
  create: orgProcedure
    .meta({ permission: "project.write", rateLimit: "write", invalidates: TAGS.invalidates })
    .input(createProjectInput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services.db;
      return db.transaction().execute(async (trx) => {
        const project = await trx
          .insertInto("projects")
          .values({
            org_id: ctx.org.orgId,
            key: input.key,
            name: input.name,
            description: input.description,
            created_by: ctx.auth.user.id,
          })
          .onConflict((oc) => oc.columns(["org_id", "key"]).doNothing())
          .returning(projectColumns)
          .executeTakeFirst();
        if (!project)
          throw new AppError(
            "CONFLICT",
            `The key ${input.key} is taken in this organization; choose another`,
          );
        await recordActivity(trx, {
          ...actor(ctx),
          projectId: project.id,
          action: "project.created",
          targetType: "project",
          targetId: project.id,
          data: { key: input.key, name: input.name },
        });
        return project;
      });
    }),

  list: orgProcedure
    .meta({ permission: "project.read", rateLimit: "read", cache: TAGS.cache })
    .input(listProjectsInput)
    .use(resultCache)
    .query(async ({ ctx, input }) => {
      let query = ctx.services.db.db
        .selectFrom("projects as p")
        .select(projectColumns.map((c) => `p.${c}` as const))
        .select((eb) =>
          eb
            .selectFrom("tasks as t")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("t.project_id", "=", "p.id")
            .where("t.status", "not in", ["done", "canceled"])
            .as("openTasks"),
        )
        .where("p.org_id", "=", ctx.org.orgId)
        .orderBy("p.name");
      if (!input.includeArchived) query = query.where("p.archived_at", "is", null);
      return (await query.execute()).map((p) => ({ ...p, openTasks: p.openTasks ?? 0 }));
    }),

  get: orgProcedure
    .meta({ permission: "project.read", rateLimit: "read", cache: TAGS.cache })
    .input(projectRefInput)
    .use(resultCache)
    .query(async ({ ctx, input }) => {
      const project = await ctx.services.db.db
        .selectFrom("projects")
        .select(projectColumns)
        .where("org_id", "=", ctx.org.orgId)
        .where("id", "=", input.projectId)
        .executeTakeFirst();
      if (!project) throw new AppError("NOT_FOUND", "Project not found");
      return project;
    }),

  update: orgProcedure
    .meta({ permission: "project.write", rateLimit: "write", invalidates: TAGS.invalidates })
    .input(updateProjectInput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services.db;
      const changes = {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
      };
      if (Object.keys(changes).length === 0) throw new AppError("BAD_REQUEST", "Nothing to change");
      const project = await db
        .updateTable("projects")
        .set({ ...changes, updated_at: ctx.services.now() })
        .where("org_id", "=", ctx.org.orgId)
        .where("id", "=", input.projectId)
        .returning(projectColumns)
        .executeTakeFirst();
      if (!project) throw new AppError("NOT_FOUND", "Project not found");
      await recordActivity(db, {
        ...actor(ctx),
        projectId: project.id,
        action: "project.updated",
        targetType: "project",
        targetId: project.id,
        data: changes,
      });
      return project;
    }),

  /** Starts an export of the project's tasks (a job); follow it with export.get. */
  export: orgProcedure
    .meta({ permission: "project.export", rateLimit: "export" })
    .input(projectExportInput)
    .mutation(({ ctx, input }) =>
      ctx.services.db.db.transaction().execute((trx) =>
        requestProjectExport(trx, ctx.org.orgId, ctx.auth.user.id, input, {
          now: ctx.services.now(),
          requestId: ctx.requestId,
        }),
      ),
    ),

  archive: orgProcedure
    .meta({ permission: "project.manage", rateLimit: "write", invalidates: TAGS.invalidates })
    .input(projectRefInput)
    .mutation(({ ctx, input }) => setArchived(ctx, input.projectId, true)),

  restore: orgProcedure
    .meta({ permission: "project.manage", rateLimit: "write", invalidates: TAGS.invalidates })
    .input(projectRefInput)
    .mutation(({ ctx, input }) => setArchived(ctx, input.projectId, false)),

  delete: orgProcedure
    .meta({
      permission: "project.manage",
      rateLimit: "write",
      invalidates: ["projects", "tasks", "comments"],
    })
    .input(deleteProjectInput)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.services.db;
      const project = await db
        .selectFrom("projects")
        .select(["id", "key", "name"])
        .where("org_id", "=", ctx.org.orgId)
        .where("id", "=", input.projectId)
        .executeTakeFirst();
      if (!project) throw new AppError("NOT_FOUND", "Project not found");
      if (project.key !== input.confirmKey.trim().toUpperCase())
        throw new AppError("BAD_REQUEST", `Type ${project.key} to confirm deletion`);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("projects").where("id", "=", project.id).execute();
        await recordActivity(trx, {
          ...actor(ctx),
          action: "project.deleted",
          targetType: "project",
          targetId: project.id,
          data: { key: project.key, name: project.name },
        });
      });
      return { ok: true as const };
    }),
});

async function setArchived(
  ctx: Parameters<typeof actor>[0] & { org: { orgId: string } },
  projectId: string,
  archived: boolean,
) {
  const { db } = ctx.services.db;
  const project = await db
    .updateTable("projects")
    .set({ archived_at: archived ? ctx.services.now() : null, updated_at: ctx.services.now() })
    .where("org_id", "=", ctx.org.orgId)
    .where("id", "=", projectId)
    .returning(projectColumns)
    .executeTakeFirst();
  if (!project) throw new AppError("NOT_FOUND", "Project not found");
  await recordActivity(db, {
    ...actor(ctx),
    projectId,
    action: archived ? "project.archived" : "project.restored",
    targetType: "project",
    targetId: projectId,
  });
  return project;
}
