import { sql, type Database, type Transaction } from "@tesseract/db";

/**
 * Sub-tasks and relations among one demo project's tasks (ids in number order), on a fixed
 * pattern so every project shows them: each tenth task gets the next two as sub-tasks, each
 * seventh blocks the one after it, each thirteenth relates to the one five later and each
 * thirty-first duplicates the one before it.
 */
export async function linkDemoTasks(
  trx: Transaction<Database>,
  orgId: string,
  taskIds: readonly string[],
): Promise<{ subtasks: number; relations: number }> {
  const parents: { id: string; parent: string }[] = [];
  const relations: { source_id: string; target_id: string; kind: string }[] = [];
  taskIds.forEach((id, index) => {
    const at = (offset: number) => taskIds[index + offset];
    if (index % 10 === 0)
      for (const child of [at(1), at(2)]) if (child) parents.push({ id: child, parent: id });
    if (index % 7 === 3 && at(1))
      relations.push({ source_id: id, target_id: at(1)!, kind: "blocks" });
    if (index % 13 === 5 && at(5))
      relations.push({ source_id: id, target_id: at(5)!, kind: "relates" });
    if (index % 31 === 30)
      relations.push({ source_id: id, target_id: at(-1)!, kind: "duplicates" });
  });
  if (parents.length > 0) {
    const values = parents.map((row) => sql`(${row.id}::uuid, ${row.parent}::uuid)`);
    await sql`update tasks set parent_id = v.parent from (values ${sql.join(values)}) as v(id, parent)
      where tasks.id = v.id and tasks.org_id = ${orgId}`.execute(trx);
  }
  // "Relates to" is stored one way round (the lower id first), as the API stores it.
  const rows = relations.map((row) =>
    row.kind === "relates" && row.source_id > row.target_id
      ? { ...row, source_id: row.target_id, target_id: row.source_id }
      : row,
  );
  if (rows.length > 0)
    await trx
      .insertInto("task_relations")
      .values(rows.map((row) => ({ ...row, org_id: orgId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  return { subtasks: parents.length, relations: rows.length };
}
