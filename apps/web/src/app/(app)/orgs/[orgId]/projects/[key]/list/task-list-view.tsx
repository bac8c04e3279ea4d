"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { SavedViewsBar } from "~/components/views/saved-views-bar.tsx";
import type { FilterChange } from "~/lib/task-filters.ts";
import { filtersToSearch, parseTaskFilters } from "~/lib/task-filters.ts";
import { SearchBox } from "./search-box.tsx";
import { SearchResults } from "./search-results.tsx";
import { ProjectStatusChips } from "./project-status-chips.tsx";
import { TaskFilterBar } from "./task-filter-bar.tsx";
import { TaskTable } from "./task-table.tsx";

/**
 * Applies a change to the filters in the page's URL. It reads the URL at the moment of the
 * change, not the filters of the last render: two changes made before the page re-renders
 * (two chips clicked 150 ms apart, a debounced label landing just after a sort change) must
 * both survive. `history.replaceState` updates the URL at once and Next.js's `useSearchParams`
 * follows it, so the table refetches on the client without a server round trip.
 */
export function updateFiltersInUrl(change: FilterChange): void {
  const latest = parseTaskFilters(new URLSearchParams(window.location.search));
  const patch = typeof change === "function" ? change(latest) : change;
  const search = filtersToSearch({ ...latest, ...patch });
  window.history.replaceState(null, "", `${window.location.pathname}${search}`);
}

/** Filters, sort and search live in the URL: a reload or a shared link shows the same list. */
export function TaskListView({
  orgId,
  projectId,
  canWrite,
  canManageViews,
}: {
  orgId: string;
  projectId: string;
  canWrite: boolean;
  /** May delete views others shared. */
  canManageViews: boolean;
}) {
  const filters = parseTaskFilters(useSearchParams());
  const setFilters = useCallback((change: FilterChange) => {
    updateFiltersInUrl(change);
  }, []);

  return (
    <div className="space-y-4">
      <SavedViewsBar
        orgId={orgId}
        projectId={projectId}
        filters={filters}
        canManageShared={canManageViews}
      />
      <SearchBox
        value={filters.q}
        onCommit={(q) => {
          setFilters({ q });
        }}
      />
      {filters.q.trim() ? (
        <SearchResults
          orgId={orgId}
          projectId={projectId}
          query={filters.q.trim()}
          filters={filters}
        />
      ) : null}
      <TaskFilterBar
        orgId={orgId}
        statusChips={
          <ProjectStatusChips
            orgId={orgId}
            projectId={projectId}
            filters={filters}
            onChange={setFilters}
          />
        }
        filters={filters}
        onChange={setFilters}
      />
      <TaskTable
        orgId={orgId}
        projectId={projectId}
        filters={filters}
        canWrite={canWrite}
        onChange={setFilters}
      />
    </div>
  );
}
