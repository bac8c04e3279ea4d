import type { RouterInputs, RouterOutputs } from "./types.ts";

/** `task.list` input without the cursor (each page adds its own). */
export type TaskPagesInput = Omit<RouterInputs["task"]["list"], "cursor">;
export type TaskPage = RouterOutputs["task"]["list"];

/**
 * Paged `task.list` queries go around tRPC's infinite-query hooks: those put their own
 * `direction` ("forward") into the input, which overwrites `task.list`'s sort direction
 * ("asc" | "desc") and fails validation, and they leave `direction` out of the cache key. The
 * key below has tRPC's shape — so `utils.task.list.invalidate({ orgId, projectId })` still
 * reaches it — but keeps the whole input.
 */
export function taskPagesKey(input: TaskPagesInput) {
  return [["task", "list"], { input, type: "infinite" }] as const;
}
