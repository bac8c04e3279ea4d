import { sql, type Database, type Kysely, type Transaction } from "@tesseract/db";
import type { ProjectStatus, StatusCategory, TaskStatus } from "@tesseract/validators";
import { CATEGORY_STATUS, STATUS_CATEGORIES } from "@tesseract/validators/constants";
import { recordActivity } from "../activity.ts";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../errors.ts";
import { positionBetween } from "./position.ts";
import { getProject } from "./projects.ts";

// A project's workflow: its statuses, each in a category, ordered by category then position.
// Every category keeps at least one status, so the legacy `status` (a category) always names
// one: the first of that category.

const categoryRank = sql<number>`array_position(array[${sql.join(
  STATUS_CATEGORIES.map((c) => sql.lit(c)),
)}]::text[], s.category)`;

/** The category each legacy status names (a task's `status` follows its column's category). */
export const categoryOfStatus = Object.fromEntries(
  Object.entries(CATEGORY_STATUS).map(([category, status]) => [status, category]),
) as Record<TaskStatus, StatusCategory>;

function selectStatuses(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("project_statuses as s")
    .select([
      "s.id",
      "s.project_id as projectId",
      "s.name",
      "s.category",
      "s.position",
      sql<number>`(select count(*) from tasks t where t.status_id = s.id and t.deleted_at is null)::int`.as(
        "taskCount",
      ),
    ])
    .where("s.org_id", "=", orgId);
}

const toStatus = (row: Omit<ProjectStatus, "category"> & { category: string }): ProjectStatus => ({
  ...row,
  category: row.category as StatusCategory,
});

/** A project's statuses in board order; NOT_FOUND when this organization has no such project. */
export async function listStatuses(
  db: Kysely<Database>,
  orgId: string,
  projectId: string,
): Promise<ProjectStatus[]> {
  await getProject(db, orgId, projectId);
  const rows = await selectStatuses(db, orgId)
    .where("s.project_id", "=", projectId)
    .orderBy(categoryRank)
    .orderBy("s.position")
    .orderBy("s.id")
    .execute();
  return rows.map(toStatus);
}

/** A status by id; NOT_FOUND when this organization has none. */
export async function getStatus(
  db: Kysely<Database>,
  orgId: string,
  statusId: string,
): Promise<ProjectStatus> {
  const row = await selectStatuses(db, orgId).where("s.id", "=", statusId).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Status not found");
  return toStatus(row);
}

/**
 * The status a task write names: `statusId` (one of the project's), else the first status of
 * the category `status`. BAD_REQUEST when `statusId` is another project's.
 */
export async function resolveStatus(
  db: Kysely<Database>,
  orgId: string,
  projectId: string,
  choice: { statusId?: string | undefined; status?: TaskStatus | undefined },
): Promise<{ id: string; name: string; status: TaskStatus; category: StatusCategory }> {
  let query = db
    .selectFrom("project_statuses as s")
    .select(["s.id", "s.name", "s.category"])
    .where("s.org_id", "=", orgId)
    .where("s.project_id", "=", projectId);
  if (choice.statusId) query = query.where("s.id", "=", choice.statusId);
  else query = query.where("s.category", "=", categoryOfStatus[choice.status ?? "backlog"]);
  const row = await query.orderBy("s.position").orderBy("s.id").limit(1).executeTakeFirst();
  if (!row)
    throw new AppError(
      "BAD_REQUEST",
      choice.statusId
        ? "That status is not one of this project's statuses"
        : "This project has no status in that category",
    );
  return {
    id: row.id,
    name: row.name,
    status: CATEGORY_STATUS[row.category as StatusCategory],
    category: row.category as StatusCategory,
  };
}

/** A key placing a status in `category` after `afterId`, before `beforeId`, or at its end. */
async function placeIn(
  trx: Transaction<Database>,
  projectId: string,
  category: StatusCategory,
  place: { afterId?: string | null; beforeId?: string | null; exceptId?: string },
): Promise<string> {
  const column = trx
    .selectFrom("project_statuses")
    .select("position")
    .where("project_id", "=", projectId)
    .where("category", "=", category)
    .$if(place.exceptId !== undefined, (q) => q.where("id", "!=", place.exceptId!));
  const neighbour = async (id: string) => {
    const row = await column.where("id", "=", id).executeTakeFirst();
    if (!row) throw new AppError("BAD_REQUEST", "The neighbouring status is not in that category");
    return row.position;
  };
  if (place.afterId) {
    const after = await neighbour(place.afterId);
    const next = await column
      .where("position", ">", after)
      .orderBy("position")
      .limit(1)
      .executeTakeFirst();
    return positionBetween(after, next?.position ?? null);
  }
  if (place.beforeId) {
    const before = await neighbour(place.beforeId);
    const previous = await column
      .where("position", "<", before)
      .orderBy("position", "desc")
      .limit(1)
      .executeTakeFirst();
    return positionBetween(previous?.position ?? null, before);
  }
  const last = await column.orderBy("position", "desc").limit(1).executeTakeFirst();
  return positionBetween(last?.position ?? null, null);
}

/** Locks the project's workflow, so concurrent changes to it (the last-status check) queue. */
async function lockWorkflow(trx: Transaction<Database>, orgId: string, projectId: string) {
  const project = await trx
    .selectFrom("projects")
    .select(["id", "key"])
    .where("org_id", "=", orgId)
    .where("id", "=", projectId)
    .forUpdate()
    .executeTakeFirst();
  if (!project) throw new AppError("NOT_FOUND", "Project not found");
  return project;
}

/** CONFLICT when another status of the project has this name (any case). Under lockWorkflow. */
async function assertNameFree(
  trx: Transaction<Database>,
  projectId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const taken = await trx
    .selectFrom("project_statuses")
    .select("id")
    .where("project_id", "=", projectId)
    .where(sql`lower(name)`, "=", name.toLowerCase())
    .$if(exceptId !== undefined, (q) => q.where("id", "!=", exceptId!))
    .executeTakeFirst();
  if (taken) throw new AppError("CONFLICT", `This project already has a status named "${name}"`);
}

export async function createStatus(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: {
    projectId: string;
    name: string;
    category: StatusCategory;
    afterId?: string | null;
    beforeId?: string | null;
  },
): Promise<ProjectStatus> {
  await lockWorkflow(trx, orgId, input.projectId);
  await assertNameFree(trx, input.projectId, input.name);
  const position = await placeIn(trx, input.projectId, input.category, input);
  const { id } = await trx
    .insertInto("project_statuses")
    .values({
      org_id: orgId,
      project_id: input.projectId,
      name: input.name,
      category: input.category,
      position,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId: input.projectId,
    action: "status.created",
    targetType: "project",
    targetId: input.projectId,
    data: { name: input.name, category: input.category },
  });
  return getStatus(trx, orgId, id);
}

/** How many statuses a category of the project has. */
async function countInCategory(
  trx: Transaction<Database>,
  projectId: string,
  category: StatusCategory,
): Promise<number> {
  const row = await trx
    .selectFrom("project_statuses")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("project_id", "=", projectId)
    .where("category", "=", category)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const lastOfCategory = (category: StatusCategory) =>
  new AppError(
    "BAD_REQUEST",
    `This is the last ${category} status of the project; every category keeps at least one`,
  );

export async function updateStatus(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: {
    statusId: string;
    name?: string;
    category?: StatusCategory;
    afterId?: string | null;
    beforeId?: string | null;
  },
): Promise<ProjectStatus> {
  const before = await getStatus(trx, orgId, input.statusId);
  await lockWorkflow(trx, orgId, before.projectId);
  const category = input.category ?? before.category;
  const moving = category !== before.category;
  const reordering = Boolean(input.afterId || input.beforeId);
  const renaming = input.name !== undefined && input.name !== before.name;
  if (!moving && !reordering && !renaming) {
    if (input.name === undefined && input.category === undefined)
      throw new AppError("BAD_REQUEST", "Nothing to change");
    return before;
  }
  if (moving && (await countInCategory(trx, before.projectId, before.category)) <= 1)
    throw lastOfCategory(before.category);
  const set: { name?: string; category?: string; position?: string } = {};
  if (renaming) set.name = input.name!;
  if (moving) set.category = category;
  if (moving || reordering)
    set.position = await placeIn(trx, before.projectId, category, {
      ...input,
      exceptId: before.id,
    });
  if (renaming) await assertNameFree(trx, before.projectId, input.name!, before.id);
  await trx.updateTable("project_statuses").set(set).where("id", "=", before.id).execute();
  // Its tasks' category (tasks.status) follows.
  if (moving)
    await trx
      .updateTable("tasks")
      .set({ status: CATEGORY_STATUS[category], updated_at: new Date() })
      .where("status_id", "=", before.id)
      .execute();
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId: before.projectId,
    action: "status.updated",
    targetType: "project",
    targetId: before.projectId,
    data: {
      name: before.name,
      ...(renaming && { rename: { from: before.name, to: input.name! } }),
      ...(moving && { category: { from: before.category, to: category } }),
    },
  });
  return getStatus(trx, orgId, before.id);
}

/** Deletes a status after moving its tasks to the end of `moveTasksTo`'s column. */
export async function deleteStatus(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { statusId: string; moveTasksTo: string },
): Promise<ProjectStatus> {
  const status = await getStatus(trx, orgId, input.statusId);
  await lockWorkflow(trx, orgId, status.projectId);
  if (input.moveTasksTo === status.id)
    throw new AppError("BAD_REQUEST", "Move the tasks to another status than the one deleted");
  const target = await resolveStatus(trx, orgId, status.projectId, {
    statusId: input.moveTasksTo,
  });
  if ((await countInCategory(trx, status.projectId, status.category)) <= 1)
    throw lastOfCategory(status.category);
  // Appended in their order, after the target column's last task.
  const tasks = await trx
    .selectFrom("tasks")
    .select("id")
    .where("status_id", "=", status.id)
    .orderBy("position")
    .orderBy("id")
    .execute();
  const last = await trx
    .selectFrom("tasks")
    .select("position")
    .where("status_id", "=", target.id)
    .orderBy("position", "desc")
    .limit(1)
    .executeTakeFirst();
  let position = last?.position ?? null;
  const now = new Date();
  for (const task of tasks) {
    position = positionBetween(position, null);
    await trx
      .updateTable("tasks")
      .set({ status_id: target.id, position, updated_at: now })
      .where("id", "=", task.id)
      .execute();
  }
  await trx.deleteFrom("project_statuses").where("id", "=", status.id).execute();
  await recordActivity(trx, {
    ...actor,
    orgId,
    projectId: status.projectId,
    action: "status.deleted",
    targetType: "project",
    targetId: status.projectId,
    data: { name: status.name, movedTo: target.name, tasks: tasks.length },
  });
  return status;
}
