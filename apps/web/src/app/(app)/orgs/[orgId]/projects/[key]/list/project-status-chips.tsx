"use client";

import { boardStatusesQuery } from "~/lib/board-query.ts";
import { selectedStatusIds, toggleStatus } from "~/lib/status-filter.ts";
import type { FilterChange, TaskFilters } from "~/lib/task-filters.ts";
import { trpc } from "~/trpc/react.tsx";
import { ChipGroup } from "./chip-group.tsx";

/**
 * The Status chips of one project: its own statuses (`status.list`, which the list page
 * prefetches under the same key, so the chips are in the first HTML).
 */
export function ProjectStatusChips({
  orgId,
  projectId,
  filters,
  onChange,
}: {
  orgId: string;
  projectId: string;
  filters: TaskFilters;
  onChange: (change: FilterChange) => void;
}) {
  const statuses = trpc.status.list.useQuery(boardStatusesQuery(orgId, projectId));
  if (!statuses.data)
    return (
      <fieldset className="min-w-0">
        <legend className="mb-1.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Status
        </legend>
        <p
          role={statuses.isError ? "alert" : "status"}
          className={
            statuses.isError
              ? "text-xs text-rose-700 dark:text-rose-300"
              : "text-xs text-zinc-600 dark:text-zinc-400"
          }
        >
          {statuses.isError ? "Statuses could not be loaded." : "Loading statuses…"}
        </p>
      </fieldset>
    );
  const options = statuses.data;
  return (
    <ChipGroup
      legend="Status"
      options={options.map((status) => ({ value: status.id, label: status.name }))}
      selected={selectedStatusIds(filters, options)}
      onToggle={(value, isOn) => {
        onChange((latest) => toggleStatus(latest, options, value, isOn));
      }}
    />
  );
}
