import { sql, type Database, type Expression, type Kysely, type Transaction } from "@tesseract/db";
import type { LabelColour, LabelOutput, TaskLabel } from "@tesseract/validators";
import { MAX_TASK_LABELS } from "@tesseract/validators/constants";
import { recordActivity } from "../activity.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "./tasks.ts";

/** The names of the labels the task `taskIdExpr` names carries (a SQL expression), by name. */
export function taskLabelNames(taskIdExpr: Expression<unknown>) {
  return sql<string[]>`array(select l.name from task_labels tl join labels l on l.id = tl.label_id
    where tl.task_id = ${taskIdExpr} order by lower(l.name))`;
}

function selectLabels(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("labels as l")
    .where("l.org_id", "=", orgId)
    .select([
      "l.id",
      "l.name",
      sql<LabelColour>`l.colour`.as("colour"),
      sql<number>`(select count(*) from task_labels tl join tasks t on t.id = tl.task_id
        where tl.label_id = l.id and t.deleted_at is null)::int`.as("taskCount"),
      "l.created_at as createdAt",
    ]);
}

/** The organization's labels, by name. */
export async function listLabels(db: Kysely<Database>, orgId: string): Promise<LabelOutput[]> {
  return selectLabels(db, orgId)
    .orderBy(sql`lower(l.name)`)
    .orderBy("l.id")
    .execute();
}

/** A label by id; NOT_FOUND when this organization has none. */
export async function getLabel(
  db: Kysely<Database>,
  orgId: string,
  labelId: string,
): Promise<LabelOutput> {
  const label = await selectLabels(db, orgId).where("l.id", "=", labelId).executeTakeFirst();
  if (!label) throw new AppError("NOT_FOUND", "Label not found");
  return label;
}

/**
 * Serialises label writes within an organization, so "is the name free?" stays true until the
 * write commits (names are unique per organization, case aside).
 */
async function lockOrgLabels(trx: Transaction<Database>, orgId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`labels:${orgId}`}))`.execute(trx);
}

async function assertNameFree(
  trx: Transaction<Database>,
  orgId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  let query = trx
    .selectFrom("labels")
    .select("id")
    .where("org_id", "=", orgId)
    .where(sql`lower(name)`, "=", name.toLowerCase());
  if (exceptId) query = query.where("id", "!=", exceptId);
  if (await query.executeTakeFirst())
    throw new AppError("CONFLICT", `A label named "${name}" already exists`);
}

export async function createLabel(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { name: string; colour: LabelColour },
): Promise<LabelOutput> {
  await lockOrgLabels(trx, orgId);
  await assertNameFree(trx, orgId, input.name);
  const row = await trx
    .insertInto("labels")
    .values({ org_id: orgId, name: input.name, colour: input.colour })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordActivity(trx, {
    ...actor,
    orgId,
    action: "label.created",
    targetType: "label",
    targetId: row.id,
    data: { name: input.name, colour: input.colour },
  });
  return getLabel(trx, orgId, row.id);
}

/** Renames or recolours a label; every task carrying it shows the change. */
export async function updateLabel(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { labelId: string; name?: string | undefined; colour?: LabelColour | undefined },
): Promise<LabelOutput> {
  await lockOrgLabels(trx, orgId);
  const before = await getLabel(trx, orgId, input.labelId);
  const changes: Record<string, { from: string; to: string }> = {};
  if (input.name !== undefined && input.name !== before.name) {
    await assertNameFree(trx, orgId, input.name, before.id);
    changes.name = { from: before.name, to: input.name };
  }
  if (input.colour !== undefined && input.colour !== before.colour)
    changes.colour = { from: before.colour, to: input.colour };
  if (Object.keys(changes).length === 0) return before;
  await trx
    .updateTable("labels")
    .set({
      ...(changes.name && { name: changes.name.to }),
      ...(changes.colour && { colour: changes.colour.to }),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", before.id)
    .execute();
  await recordActivity(trx, {
    ...actor,
    orgId,
    action: "label.updated",
    targetType: "label",
    targetId: before.id,
    data: { name: before.name, changes },
  });
  return getLabel(trx, orgId, before.id);
}

/** Deletes a label; the tasks carrying it lose it (by cascade). */
export async function deleteLabel(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  labelId: string,
): Promise<LabelOutput> {
  await lockOrgLabels(trx, orgId);
  const label = await getLabel(trx, orgId, labelId);
  await trx.deleteFrom("labels").where("org_id", "=", orgId).where("id", "=", labelId).execute();
  await recordActivity(trx, {
    ...actor,
    orgId,
    action: "label.deleted",
    targetType: "label",
    targetId: labelId,
    data: { name: label.name, tasks: label.taskCount },
  });
  return label;
}

/**
 * Refuses label ids this organization does not have (another's, or deleted ones); answers the
 * labels in the order task answers list them.
 */
export async function assertLabels(
  db: Kysely<Database>,
  orgId: string,
  labelIds: readonly string[],
): Promise<TaskLabel[]> {
  if (labelIds.length === 0) return [];
  const found = await db
    .selectFrom("labels")
    .select(["id", "name", "colour"])
    .where("org_id", "=", orgId)
    .where("id", "in", labelIds)
    .orderBy(sql`lower(name)`)
    .orderBy("id")
    .execute();
  if (found.length !== new Set(labelIds).size)
    throw new AppError("BAD_REQUEST", "Unknown label: choose one of this organization's labels");
  return found as TaskLabel[];
}

/** Makes `labelIds` the task's labels (checked to be the organization's); answers them. */
export async function setTaskLabels(
  trx: Transaction<Database>,
  orgId: string,
  taskId: string,
  labelIds: readonly string[],
): Promise<TaskLabel[]> {
  if (labelIds.length > MAX_TASK_LABELS)
    throw new AppError("BAD_REQUEST", `A task has at most ${MAX_TASK_LABELS} labels`);
  const labels = await assertLabels(trx, orgId, labelIds);
  await trx.deleteFrom("task_labels").where("task_id", "=", taskId).execute();
  if (labelIds.length > 0)
    await trx
      .insertInto("task_labels")
      .values(labels.map((label) => ({ task_id: taskId, label_id: label.id, org_id: orgId })))
      .execute();
  return labels;
}

/** The same labels, whatever the order. */
export function sameLabels(labels: readonly TaskLabel[], labelIds: readonly string[]): boolean {
  const ids = new Set(labelIds);
  return labels.length === ids.size && labels.every((label) => ids.has(label.id));
}
