import type { Database, Json, Kysely, Transaction } from "@tesseract/db";
import { recordActivity } from "../activity.ts";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../errors.ts";

const projectColumns = [
  "id",
  "key",
  "name",
  "description",
  "archived_at as archivedAt",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

export async function createProject(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { key: string; name: string; description: string },
) {
  const project = await trx
    .insertInto("projects")
    .values({
      org_id: orgId,
      key: input.key,
      name: input.name,
      description: input.description,
      created_by: actor.actorUserId,
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
    ...actor,
    orgId,
    projectId: project.id,
    action: "project.created",
    targetType: "project",
    targetId: project.id,
    data: { key: input.key, name: input.name },
  });
  return project;
}

/** Every project of an organization by name, with its count of open tasks (not paged). */
export async function projectsOf(
  db: Kysely<Database>,
  orgId: string,
  options: { includeArchived: boolean },
) {
  let query = db
    .selectFrom("projects as p")
    .select(projectColumns.map((c) => `p.${c}` as const))
    .select((eb) =>
      eb
        .selectFrom("tasks as t")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("t.project_id", "=", "p.id")
        .where("t.status", "not in", ["done", "canceled"])
        .where("t.deleted_at", "is", null)
        .as("openTasks"),
    )
    .where("p.org_id", "=", orgId)
    .orderBy("p.name");
  if (!options.includeArchived) query = query.where("p.archived_at", "is", null);
  return (await query.execute()).map((p) => ({ ...p, openTasks: p.openTasks ?? 0 }));
}

/** A project by id; NOT_FOUND when this organization has none. */
export async function getProject(db: Kysely<Database>, orgId: string, projectId: string) {
  const project = await db
    .selectFrom("projects")
    .select(projectColumns)
    .where("org_id", "=", orgId)
    .where("id", "=", projectId)
    .executeTakeFirst();
  if (!project) throw new AppError("NOT_FOUND", "Project not found");
  return project;
}

/** Changes a project's columns and records why; NOT_FOUND when this organization has none. */
async function changeProject(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  projectId: string,
  set: { name?: string; description?: string; archived_at?: Date | null; updated_at: Date },
  activity: { action: string; data?: Record<string, Json> },
) {
  const project = await trx
    .updateTable("projects")
    .set(set)
    .where("org_id", "=", orgId)
    .where("id", "=", projectId)
    .returning(projectColumns)
    .executeTakeFirst();
  if (!project) throw new AppError("NOT_FOUND", "Project not found");
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId,
    targetType: "project",
    targetId: projectId,
    ...activity,
  });
  return project;
}

export async function updateProject(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { projectId: string; name?: string; description?: string; now: Date },
) {
  const changes = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.description !== undefined && { description: input.description }),
  };
  if (Object.keys(changes).length === 0) throw new AppError("BAD_REQUEST", "Nothing to change");
  return changeProject(
    trx,
    orgId,
    actor,
    input.projectId,
    { ...changes, updated_at: input.now },
    { action: "project.updated", data: changes },
  );
}

/** Archives a project (`archived`) or restores it. */
export function setProjectArchived(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { projectId: string; archived: boolean; now: Date },
) {
  return changeProject(
    trx,
    orgId,
    actor,
    input.projectId,
    { archived_at: input.archived ? input.now : null, updated_at: input.now },
    { action: input.archived ? "project.archived" : "project.restored" },
  );
}

/** Deletes a project with its tasks, once `confirmKey` matches its key. */
export async function deleteProject(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { projectId: string; confirmKey: string },
): Promise<void> {
  const project = await trx
    .selectFrom("projects")
    .select(["id", "key", "name"])
    .where("org_id", "=", orgId)
    .where("id", "=", input.projectId)
    .executeTakeFirst();
  if (!project) throw new AppError("NOT_FOUND", "Project not found");
  if (project.key !== input.confirmKey.trim().toUpperCase())
    throw new AppError("BAD_REQUEST", `Type ${project.key} to confirm deletion`);
  await trx.deleteFrom("projects").where("id", "=", project.id).execute();
  await recordActivity(trx, {
    ...actor,
    orgId,
    action: "project.deleted",
    targetType: "project",
    targetId: project.id,
    data: { key: project.key, name: project.name },
  });
}
