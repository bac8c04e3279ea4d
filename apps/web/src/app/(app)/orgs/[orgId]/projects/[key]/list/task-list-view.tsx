"use client";

import type { Route } from "next";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { TaskFilters } from "~/lib/task-filters.ts";
import { filtersToSearch, parseTaskFilters } from "~/lib/task-filters.ts";
import { SearchBox } from "./search-box.tsx";
import { SearchResults } from "./search-results.tsx";
import { TaskFilterBar } from "./task-filter-bar.tsx";
import { TaskTable } from "./task-table.tsx";

/** Filters, sort and search live in the URL: a reload or a shared link shows the same list. */
export function TaskListView({ orgId, projectId }: { orgId: string; projectId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const filters = parseTaskFilters(useSearchParams());
  const setFilters = (next: TaskFilters) => {
    router.replace(`${pathname}${filtersToSearch(next)}` as Route, { scroll: false });
  };

  return (
    <div className="space-y-4">
      <SearchBox
        value={filters.q}
        onCommit={(q) => {
          setFilters({ ...filters, q });
        }}
      />
      {filters.q.trim() ? <SearchResults orgId={orgId} query={filters.q.trim()} /> : null}
      <TaskFilterBar orgId={orgId} filters={filters} onChange={setFilters} />
      <TaskTable orgId={orgId} projectId={projectId} filters={filters} onChange={setFilters} />
    </div>
  );
}
