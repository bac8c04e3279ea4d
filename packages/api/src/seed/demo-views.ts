import type { Database, Transaction } from "@tesseract/db";
import type { SavedViewFilters } from "@tesseract/validators";

/**
 * Views the demo's first project shares with everyone, made by its first member (the owner):
 * what a team saves in its first week, so the views bar has something to open.
 */
export async function addDemoViews(
  trx: Transaction<Database>,
  orgId: string,
  projectId: string,
  ownerId: string,
  labelIdOf: ReadonlyMap<string, string>,
): Promise<void> {
  const views: [name: string, filters: SavedViewFilters][] = [
    ["Urgent and high", { priority: ["urgent", "high"], status: ["todo", "in_progress"] }],
    ["Open bugs", { label: labelIdOf.get("bug")!, status: ["backlog", "todo", "in_progress"] }],
    ["Unassigned backlog", { assignee: "unassigned", status: ["backlog"], sort: "created" }],
    ["Due soonest", { status: ["todo", "in_progress"], sort: "due", direction: "asc" }],
  ];
  await trx
    .insertInto("saved_views")
    .values(
      views.map(([name, filters]) => ({
        org_id: orgId,
        project_id: projectId,
        owner_id: ownerId,
        name,
        filters,
        shared: true,
      })),
    )
    .execute();
}
