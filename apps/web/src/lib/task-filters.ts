import type { TaskPriority, TaskStatus } from "@tesseract/validators";
import { isTaskPriority, isTaskStatus } from "./tasks.ts";

export const LIST_SORTS = ["created", "updated", "priority", "due"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export type SortDirection = "asc" | "desc";

export const sortLabels: Record<ListSort, string> = {
  created: "Created",
  updated: "Updated",
  priority: "Priority",
  due: "Due date",
};

/** What each sort shows first unless asked otherwise: the newest, the most urgent, the soonest due. */
export const defaultDirections: Record<ListSort, SortDirection> = {
  created: "desc",
  updated: "desc",
  priority: "desc",
  due: "asc",
};

/** The list view's state, all of it in the page's URL so a reload or a shared link shows the same. */
export interface TaskFilters {
  /** Status categories (`status=todo,backlog`): My Issues' chips, and older project list links. */
  status: TaskStatus[];
  /** Statuses of the project's own workflow, by id (`statuses=…`): the project list's chips. */
  statusIds: string[];
  priority: TaskPriority[];
  /** A member's id, "unassigned", or null for anyone. */
  assignee: string | null;
  /** A label's id, or "" for any. */
  label: string;
  dueFrom: string;
  dueTo: string;
  sort: ListSort;
  direction: SortDirection;
  /** Full-text search, shown above the filtered table. */
  q: string;
}

/** The change that clears every filter, keeping the search and the sort. */
export const noFilters = {
  status: [],
  statusIds: [],
  priority: [],
  assignee: null,
  label: "",
  dueFrom: "",
  dueTo: "",
} satisfies Partial<TaskFilters>;

export const emptyFilters: TaskFilters = {
  ...noFilters,
  sort: "created",
  direction: "desc",
  q: "",
};
/**
 * A change to the filters: the fields to set, or a function of the latest filters (for changes
 * that depend on them, such as toggling one status, so a change made just before is not lost).
 */
export type FilterChange = Partial<TaskFilters> | ((latest: TaskFilters) => Partial<TaskFilters>);

/** `values` with `value` added (isOn) or removed, in a stable order of first selection. */
export function toggled<T extends string>(values: readonly T[], value: T, isOn: boolean): T[] {
  const rest = values.filter((item) => item !== value);
  return isOn ? [...rest, value] : rest;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function getter(params: RawParams): (name: string) => string {
  if (params instanceof URLSearchParams) return (name) => params.get(name) ?? "";
  return (name) => {
    const value = params[name];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
}

function list<T extends string>(value: string, keep: (item: string) => item is T): T[] {
  return [...new Set(value.split(",").filter(keep))];
}

/** Reads filters from a URL, dropping anything malformed (a hand-edited link still opens). */
export function parseTaskFilters(params: RawParams): TaskFilters {
  const get = getter(params);
  const sort = (LIST_SORTS as readonly string[]).includes(get("sort"))
    ? (get("sort") as ListSort)
    : emptyFilters.sort;
  const direction = get("dir");
  const assignee = get("assignee");
  const label = get("label");
  return {
    status: list(get("status"), isTaskStatus),
    statusIds: list(get("statuses"), (item): item is string => UUID.test(item)).slice(0, 50),
    priority: list(get("priority"), isTaskPriority),
    assignee: assignee === "unassigned" || UUID.test(assignee) ? assignee : null,
    label: UUID.test(label) ? label : "",
    dueFrom: ISO_DATE.test(get("dueFrom")) ? get("dueFrom") : "",
    dueTo: ISO_DATE.test(get("dueTo")) ? get("dueTo") : "",
    sort,
    direction: direction === "asc" || direction === "desc" ? direction : defaultDirections[sort],
    q: get("q").slice(0, 200),
  };
}

/** The query string for filters ("" when nothing is set), leaving defaults out. */
export function filtersToSearch(filters: TaskFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status.length) params.set("status", filters.status.join(","));
  if (filters.statusIds.length) params.set("statuses", filters.statusIds.join(","));
  if (filters.priority.length) params.set("priority", filters.priority.join(","));
  if (filters.assignee) params.set("assignee", filters.assignee);
  if (filters.label) params.set("label", filters.label);
  if (filters.dueFrom) params.set("dueFrom", filters.dueFrom);
  if (filters.dueTo) params.set("dueTo", filters.dueTo);
  if (filters.sort !== emptyFilters.sort) params.set("sort", filters.sort);
  if (filters.direction !== defaultDirections[filters.sort]) params.set("dir", filters.direction);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** How many filters narrow the table (sorting and search aside). */
export function activeFilterCount(filters: TaskFilters): number {
  return [
    filters.status.length > 0 || filters.statusIds.length > 0,
    filters.priority.length > 0,
    filters.assignee !== null,
    filters.label !== "",
    filters.dueFrom !== "",
    filters.dueTo !== "",
  ].filter(Boolean).length;
}

export const LIST_PAGE_SIZE = 50;

/**
 * The `task.list` input for filters. Only set keys are included, so the server's prefetch and
 * the browser's query build the same cache key.
 */
export function listTasksQuery(orgId: string, projectId: string, filters: TaskFilters) {
  return {
    orgId,
    projectId,
    sort: filters.sort,
    order: filters.direction,
    limit: LIST_PAGE_SIZE,
    ...(filters.status.length ? { status: filters.status } : {}),
    ...(filters.statusIds.length ? { statusIds: filters.statusIds } : {}),
    ...(filters.priority.length ? { priority: filters.priority } : {}),
    ...(filters.assignee ? { assigneeId: filters.assignee } : {}),
    ...(filters.label ? { labelId: filters.label } : {}),
    ...(filters.dueFrom ? { dueFrom: filters.dueFrom } : {}),
    ...(filters.dueTo ? { dueTo: filters.dueTo } : {}),
  };
}
