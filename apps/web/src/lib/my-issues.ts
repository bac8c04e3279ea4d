import type { MyTaskRelation } from "@tesseract/validators";
import { LIST_PAGE_SIZE, listTasksQuery, type TaskFilters } from "./task-filters.ts";

export const MY_TASK_RELATIONS = [
  "assigned",
  "created",
  "subscribed",
] as const satisfies readonly MyTaskRelation[];

export const relationLabels: Record<MyTaskRelation, string> = {
  assigned: "Assigned to me",
  created: "Created by me",
  subscribed: "Subscribed",
};

/** My Issues' tab, read from the URL ("assigned" unless another is named). */
export function parseRelation(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): MyTaskRelation {
  const raw = params instanceof URLSearchParams ? params.get("relation") : params.relation;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (MY_TASK_RELATIONS as readonly string[]).includes(value ?? "")
    ? (value as MyTaskRelation)
    : "assigned";
}

/** The `task.mine` input for a tab and filters (built alike on the server and in the browser). */
export function myTasksQuery(orgId: string, relation: MyTaskRelation, filters: TaskFilters) {
  const { projectId: _, ...list } = listTasksQuery(orgId, "", filters);
  return { ...list, relation, limit: LIST_PAGE_SIZE };
}
