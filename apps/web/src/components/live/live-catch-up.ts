"use client";

import { useEffect } from "react";
import { invalidateProjectTasks } from "~/lib/task-cache.ts";
import { trpc } from "~/trpc/react.tsx";

/**
 * A project's live connection is opened by its layout, whose header hydrates before the board
 * or list below it (streamed in its own boundary). An event applied in between invalidates
 * queries that are not in the cache yet, and the view then mounts with the server's older
 * data. So an event applied while no task view of the organization is mounted is remembered,
 * and the next one to mount catches up once (at worst one refetch too many, after a page
 * change).
 */
const mountedViews = new Map<string, number>();
const missed = new Set<string>();

/** After applying an event that changes an organization's tasks (or how they read). */
export function noteTaskChange(orgId: string): void {
  if (!mountedViews.get(orgId)) missed.add(orgId);
}

/** In a view of a project's tasks (the board, the list): refetches on mount if it missed one. */
export function useTaskViewCatchUp(orgId: string, projectId: string): void {
  const utils = trpc.useUtils();
  useEffect(() => {
    mountedViews.set(orgId, (mountedViews.get(orgId) ?? 0) + 1);
    if (missed.delete(orgId)) {
      void invalidateProjectTasks(utils, orgId, projectId);
      void utils.status.list.invalidate({ orgId, projectId });
    }
    return () => {
      mountedViews.set(orgId, (mountedViews.get(orgId) ?? 1) - 1);
    };
  }, [orgId, projectId, utils]);
}
