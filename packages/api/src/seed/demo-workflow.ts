import type { Database, Transaction } from "@tesseract/db";
import { generateNKeysBetween } from "fractional-indexing";

/**
 * The demo's Design project shows a workflow of its own: an "In Review" column after "In
 * Progress" (started), holding every third task that was in progress, and a "Triage" column
 * before "Backlog".
 */
export async function customizeDemoWorkflow(
  trx: Transaction<Database>,
  orgId: string,
  projectId: string,
): Promise<void> {
  // The defaults are all at "a0" within their category: "a1" comes after, "Zz" before.
  const [review] = await trx
    .insertInto("project_statuses")
    .values([
      {
        org_id: orgId,
        project_id: projectId,
        name: "In Review",
        category: "started",
        position: "a1",
      },
      { org_id: orgId, project_id: projectId, name: "Triage", category: "backlog", position: "Zz" },
    ])
    .returning("id")
    .execute();
  const inProgress = await trx
    .selectFrom("tasks")
    .select("id")
    .where("project_id", "=", projectId)
    .where("status", "=", "in_progress")
    .orderBy("position")
    .execute();
  const moving = inProgress.filter((_, index) => index % 3 === 0);
  const keys = generateNKeysBetween(null, null, moving.length);
  for (const [index, task] of moving.entries()) {
    await trx
      .updateTable("tasks")
      .set({ status_id: review!.id, position: keys[index]! })
      .where("id", "=", task.id)
      .execute();
  }
}
