import { sql, type Database, type Kysely, type Transaction } from "@tesseract/db";
import type { TaskRelation, TaskRelationView } from "@tesseract/validators";
import { MAX_TASK_RELATIONS } from "@tesseract/validators/constants";
import { recordActivity, type ActivityEntry } from "../activity.ts";
import { AppError } from "../errors.ts";
import type { Task } from "./task-queries.ts";
import { getTask } from "./tasks.ts";

type Actor = Omit<ActivityEntry, "action">;
type StoredKind = "blocks" | "duplicates" | "relates";

/** How each view is stored: its kind, and whether the viewing task is the row's source. */
const STORED: Record<TaskRelationView, { kind: StoredKind; isSource: boolean }> = {
  blocks: { kind: "blocks", isSource: true },
  blocked_by: { kind: "blocks", isSource: false },
  duplicate_of: { kind: "duplicates", isSource: true },
  duplicated_by: { kind: "duplicates", isSource: false },
  relates_to: { kind: "relates", isSource: true },
};

/** A stored row read from one of its ends. */
function viewOf(kind: StoredKind, isSource: boolean): TaskRelationView {
  if (kind === "relates") return "relates_to";
  if (kind === "blocks") return isSource ? "blocks" : "blocked_by";
  return isSource ? "duplicate_of" : "duplicated_by";
}

/** A task's relations, each read from its side, newest last; NOT_FOUND without the task. */
export async function listTaskRelations(
  db: Kysely<Database>,
  orgId: string,
  taskId: string,
): Promise<TaskRelation[]> {
  await getTask(db, orgId, taskId);
  const { rows } = await sql<{
    id: string;
    kind: StoredKind;
    is_source: boolean;
    other_id: string;
    key: string;
    title: string;
    status: string;
    created_at: Date;
  }>`
    select r.id, r.kind, r.is_source, o.id as other_id, p.key || '-' || o.number as key,
      o.title, o.status, r.created_at
    from (
      select id, kind, true as is_source, target_id as other_id, created_at from task_relations
        where org_id = ${orgId} and source_id = ${taskId}
      union all
      select id, kind, false, source_id, created_at from task_relations
        where org_id = ${orgId} and target_id = ${taskId}
    ) r
    join tasks o on o.id = r.other_id and o.org_id = ${orgId} and o.deleted_at is null
    join projects p on p.id = o.project_id
    order by r.created_at, r.id`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    kind: viewOf(row.kind, row.is_source),
    task: { id: row.other_id, key: row.key, title: row.title, status: row.status },
    createdAt: row.created_at,
  }));
}

/** Both tasks of a relation change: each records it in its own history, read from its side. */
async function recordBothSides(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  action: "task.relation_added" | "task.relation_removed",
  source: Task,
  target: Task,
  kind: StoredKind,
): Promise<void> {
  for (const [task, other, isSource] of [
    [source, target, true],
    [target, source, false],
  ] as const) {
    await recordActivity(trx, {
      ...actor,
      orgId,
      projectId: task.projectId,
      action,
      targetType: "task",
      targetId: task.id,
      data: { key: task.key, relation: viewOf(kind, isSource), other: other.key },
    });
  }
}

/**
 * Relates two tasks of the organization. The other task is looked up within the organization
 * only, so another organization's task is "not found", exactly like one that does not exist.
 * Returns both tasks (fresh), for live updates.
 */
export async function addTaskRelation(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  input: { taskId: string; kind: TaskRelationView; otherTaskId: string },
): Promise<{ relationId: string; tasks: Task[] }> {
  const task = await getTask(trx, orgId, input.taskId);
  const other = await getTask(trx, orgId, input.otherTaskId);
  if (task.id === other.id) throw new AppError("BAD_REQUEST", "A task cannot relate to itself");
  const stored = STORED[input.kind];
  let [source, target] = stored.isSource ? [task, other] : [other, task];
  // "Relates to" reads the same both ways: one order only, so the unique key catches repeats.
  if (stored.kind === "relates" && source.id > target.id) [source, target] = [target, source];
  const existing = await trx
    .selectFrom("task_relations")
    .select(["source_id", "kind"])
    .where("org_id", "=", orgId)
    .where((eb) =>
      eb.or([
        eb.and([eb("source_id", "=", source.id), eb("target_id", "=", target.id)]),
        eb.and([eb("source_id", "=", target.id), eb("target_id", "=", source.id)]),
      ]),
    )
    .execute();
  if (existing.some((row) => row.kind === stored.kind))
    throw new AppError(
      "CONFLICT",
      stored.kind === "blocks" && existing.some((row) => row.source_id === target.id)
        ? `${target.key} already blocks ${source.key}`
        : `${task.key} and ${other.key} are already related that way`,
    );
  for (const end of [task, other]) {
    const { count } = await trx
      .selectFrom("task_relations")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where((eb) => eb.or([eb("source_id", "=", end.id), eb("target_id", "=", end.id)]))
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_TASK_RELATIONS)
      throw new AppError(
        "BAD_REQUEST",
        `${end.key} has ${MAX_TASK_RELATIONS} relations already (the most a task may have)`,
      );
  }
  const inserted = await trx
    .insertInto("task_relations")
    .values({
      org_id: orgId,
      source_id: source.id,
      target_id: target.id,
      kind: stored.kind,
      created_by: actor.actorUserId ?? null,
    })
    // A concurrent identical request: the unique key decides, the loser is told.
    .onConflict((oc) => oc.constraint("task_relations_unique").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted)
    throw new AppError("CONFLICT", `${task.key} and ${other.key} are already related that way`);
  await recordBothSides(trx, orgId, actor, "task.relation_added", source, target, stored.kind);
  return {
    relationId: inserted.id,
    tasks: [await getTask(trx, orgId, task.id), await getTask(trx, orgId, other.id)],
  };
}

/** Removes a relation (from whichever side); NOT_FOUND when this organization has none. */
export async function removeTaskRelation(
  trx: Transaction<Database>,
  orgId: string,
  actor: Actor,
  relationId: string,
): Promise<{ tasks: Task[] }> {
  const row = await trx
    .deleteFrom("task_relations")
    .where("org_id", "=", orgId)
    .where("id", "=", relationId)
    .returning(["source_id", "target_id", "kind"])
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "Relation not found");
  const source = await getTask(trx, orgId, row.source_id);
  const target = await getTask(trx, orgId, row.target_id);
  await recordBothSides(
    trx,
    orgId,
    actor,
    "task.relation_removed",
    source,
    target,
    row.kind as StoredKind,
  );
  return { tasks: [source, target] };
}
