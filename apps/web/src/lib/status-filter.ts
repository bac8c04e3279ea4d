import type { StatusCategory } from "@tesseract/validators";
import { CATEGORY_STATUS } from "@tesseract/validators/constants";
import type { TaskFilters } from "./task-filters.ts";

/** What the project list's status chips need of a status (`status.list`'s items). */
export interface StatusOption {
  id: string;
  name: string;
  category: StatusCategory;
}

/**
 * The project's statuses the filters select. A link from before project statuses
 * (`status=todo,backlog`, or a saved view keeping categories) selects every status of those
 * categories; with both kinds set, a status must pass both (as `task.list` reads them).
 */
export function selectedStatusIds(
  filters: Pick<TaskFilters, "status" | "statusIds">,
  statuses: readonly StatusOption[],
): string[] {
  if (!filters.status.length && !filters.statusIds.length) return [];
  return statuses
    .filter(
      (status) =>
        (!filters.status.length || filters.status.includes(CATEGORY_STATUS[status.category])) &&
        (!filters.statusIds.length || filters.statusIds.includes(status.id)),
    )
    .map((status) => status.id);
}

/**
 * The filter change for one status chip turned on or off: the selection as the chips showed it,
 * now by id only (categories from an older link are replaced by their statuses).
 */
export function toggleStatus(
  latest: Pick<TaskFilters, "status" | "statusIds">,
  statuses: readonly StatusOption[],
  statusId: string,
  isOn: boolean,
): Pick<TaskFilters, "status" | "statusIds"> {
  const current = selectedStatusIds(latest, statuses);
  const rest = current.filter((id) => id !== statusId);
  return { status: [], statusIds: isOn ? [...rest, statusId] : rest };
}
