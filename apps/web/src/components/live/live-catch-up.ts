"use client";

import { useEffect, useRef } from "react";

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
  if ((mountedViews.get(orgId) ?? 0) === 0) missed.add(orgId);
}

/** In a view of tasks (the board, the list): `catchUp` runs on mount if it missed a change. */
export function useTaskViewCatchUp(orgId: string, catchUp: () => void): void {
  const latest = useRef(catchUp);
  useEffect(() => {
    latest.current = catchUp;
  });
  useEffect(() => {
    mountedViews.set(orgId, (mountedViews.get(orgId) ?? 0) + 1);
    if (missed.delete(orgId)) latest.current();
    return () => {
      mountedViews.set(orgId, (mountedViews.get(orgId) ?? 1) - 1);
    };
  }, [orgId]);
}
