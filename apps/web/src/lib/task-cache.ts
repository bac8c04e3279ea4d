import type { trpc } from "~/trpc/react.tsx";

type Utils = ReturnType<typeof trpc.useUtils>;

/** After a project's tasks changed: its lists and its counts (the board's column heads) refetch. */
export function invalidateProjectTasks(utils: Utils, orgId: string, projectId: string) {
  return Promise.all([
    utils.task.list.invalidate({ orgId, projectId }),
    utils.task.counts.invalidate({ orgId, projectId }),
  ]);
}
