import type { ReactNode } from "react";
import { Skeleton } from "~/components/ui/skeleton.tsx";
import type { TaskFilters } from "~/lib/task-filters.ts";

const headerClasses =
  "px-3 py-2 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400";

/** A task table's rows while its first page loads, announced to screen readers as `label`. */
export function TaskTableSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="space-y-2">
      <p role="status" className="sr-only">
        {label}
      </p>
      {Array.from({ length: 6 }, (_, row) => (
        <Skeleton key={row} className="h-11 w-full" />
      ))}
    </div>
  );
}

/**
 * The column headers of a table of TaskRows, marking the sorted column (`aria-sort`). With
 * `selectAll`, a first column holds it; with `hasActions`, a last one names the rows' actions.
 */
export function TaskTableHead({
  filters,
  selectAll,
  hasActions = false,
}: {
  filters: Pick<TaskFilters, "sort" | "direction">;
  selectAll?: ReactNode;
  hasActions?: boolean;
}) {
  const sortedBy = (sort: TaskFilters["sort"]) =>
    filters.sort === sort ? (filters.direction === "asc" ? "ascending" : "descending") : undefined;
  const dateColumn = filters.sort === "created" ? "created" : "updated";
  return (
    <thead className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60">
      <tr>
        {selectAll ? (
          <th scope="col" className={`${headerClasses} w-8`}>
            {selectAll}
          </th>
        ) : null}
        <th scope="col" className={`${headerClasses} w-20`}>
          Key
        </th>
        <th scope="col" className={headerClasses}>
          Title
        </th>
        <th scope="col" className={`${headerClasses} hidden md:table-cell`}>
          Status
        </th>
        <th
          scope="col"
          aria-sort={sortedBy("priority")}
          className={`${headerClasses} hidden md:table-cell`}
        >
          Priority
        </th>
        <th scope="col" className={`${headerClasses} hidden lg:table-cell`}>
          Assignee
        </th>
        <th
          scope="col"
          aria-sort={sortedBy("due")}
          className={`${headerClasses} hidden sm:table-cell`}
        >
          Due
        </th>
        <th
          scope="col"
          aria-sort={sortedBy(dateColumn)}
          className={`${headerClasses} hidden xl:table-cell`}
        >
          {dateColumn === "created" ? "Created" : "Updated"}
        </th>
        {hasActions ? (
          <th scope="col" className={`${headerClasses} w-10`}>
            <span className="sr-only">Actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
