import type { RouterInputs, RouterOutputs } from "./types.ts";

/** `task.list` input without the cursor (each page adds its own). */
export type TaskPagesInput = Omit<RouterInputs["task"]["list"], "cursor">;
export type TaskPage = RouterOutputs["task"]["list"];

/**
 * Paged `task.list` queries go around tRPC's infinite-query hooks, which add their own
 * `direction` ("forward") to the input and build the cache key without it. (The sort order is
 * therefore named `order` in the API.) The key below has tRPC's shape — so
 * `utils.task.list.invalidate({ orgId, projectId })` still reaches it — and keeps the whole input.
 */
export function taskPagesKey(input: TaskPagesInput) {
  return [["task", "list"], { input, type: "infinite" }] as const;
}
