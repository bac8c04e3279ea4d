import type { MyTaskRelation, SavedViewFilters } from "@tesseract/validators";
import {
  emptyFilters,
  filtersToSearch,
  parseTaskFilters,
  type TaskFilters,
} from "./task-filters.ts";

/** The query string of a list's state: the filters, and My Issues' tab when it has one. */
export function listSearch(filters: TaskFilters, relation?: MyTaskRelation): string {
  const search = filtersToSearch(filters);
  if (!relation || relation === "assigned") return search;
  return `${search ? `${search}&` : "?"}relation=${relation}`;
}

/** What a view keeps of the list's state: only what differs from the defaults. */
export function filtersToView(filters: TaskFilters, relation?: MyTaskRelation): SavedViewFilters {
  const view: SavedViewFilters = {};
  if (filters.status.length) view.status = filters.status;
  if (filters.statusIds.length) view.statusIds = filters.statusIds;
  if (filters.priority.length) view.priority = filters.priority;
  if (filters.assignee) view.assignee = filters.assignee;
  if (filters.label) view.label = filters.label;
  if (filters.dueFrom) view.dueFrom = filters.dueFrom;
  if (filters.dueTo) view.dueTo = filters.dueTo;
  if (filters.q) view.q = filters.q;
  if (filters.sort !== emptyFilters.sort) view.sort = filters.sort;
  view.direction = filters.direction;
  if (relation) view.relation = relation;
  return view;
}

/** The list's state a view opens, read the way the URL is (anything it cannot show is dropped). */
export function viewToFilters(view: SavedViewFilters): TaskFilters {
  const params = new URLSearchParams();
  if (view.status?.length) params.set("status", view.status.join(","));
  if (view.statusIds?.length) params.set("statuses", view.statusIds.join(","));
  if (view.priority?.length) params.set("priority", view.priority.join(","));
  if (view.assignee) params.set("assignee", view.assignee);
  if (view.label) params.set("label", view.label);
  if (view.dueFrom) params.set("dueFrom", view.dueFrom);
  if (view.dueTo) params.set("dueTo", view.dueTo);
  if (view.q) params.set("q", view.q);
  if (view.sort) params.set("sort", view.sort);
  if (view.direction) params.set("dir", view.direction);
  return parseTaskFilters(params);
}

/** The query string a view opens. */
export function viewSearch(view: SavedViewFilters, isMyIssues: boolean): string {
  return listSearch(viewToFilters(view), isMyIssues ? (view.relation ?? "assigned") : undefined);
}

/** Whether the list shows more than its defaults, so saving it as a view means something. */
export function hasViewWorthSaving(filters: TaskFilters): boolean {
  return filtersToSearch(filters) !== "";
}
