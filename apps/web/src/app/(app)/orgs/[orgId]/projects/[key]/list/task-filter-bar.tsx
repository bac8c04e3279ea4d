"use client";

import type { ReactNode } from "react";
import { controlClasses } from "~/components/forms/field.tsx";
import { useMemberOptions } from "~/components/tasks/use-member-options.ts";
import { Button } from "~/components/ui/button.tsx";
import type { FilterChange, ListSort, TaskFilters } from "~/lib/task-filters.ts";
import {
  activeFilterCount,
  defaultDirections,
  LIST_SORTS,
  noFilters,
  toggled,
  sortLabels,
} from "~/lib/task-filters.ts";
import { priorityLabels, statusLabels, TASK_PRIORITIES, TASK_STATUSES } from "~/lib/tasks.ts";
import { ChipGroup } from "./chip-group.tsx";
import { trpc } from "~/trpc/react.tsx";

const fieldLabel = "block text-xs font-medium text-zinc-600 dark:text-zinc-400";

/**
 * The list's filters. A project's list passes its own Status chips (`statusChips`: the
 * project's statuses, ProjectStatusChips); without them (My Issues, across projects) the chips
 * are the five categories every workflow shares. A slot, not a `projectId`, so My Issues does
 * not load the project chips' code, and not a lazy chunk, which would hydrate late and drop
 * clicks made before it arrived.
 */
export function TaskFilterBar({
  orgId,
  statusChips,
  filters,
  onChange,
}: {
  orgId: string;
  statusChips?: ReactNode;
  filters: TaskFilters;
  onChange: (change: FilterChange) => void;
}) {
  const members = useMemberOptions(orgId);
  const labels = trpc.label.list.useQuery({ orgId });
  const active = activeFilterCount(filters);
  const dueRangeError =
    filters.dueFrom && filters.dueTo && filters.dueFrom > filters.dueTo
      ? "The range ends before it starts."
      : null;

  return (
    <section
      aria-label="Filters and sorting"
      className="space-y-3 rounded-xl border border-zinc-200 bg-zinc-50/60 p-3 sm:p-4 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="flex flex-wrap gap-x-6 gap-y-3">
        {statusChips ?? (
          <ChipGroup
            legend="Status"
            options={TASK_STATUSES.map((value) => ({ value, label: statusLabels[value] }))}
            selected={filters.status}
            onToggle={(value, isOn) => {
              onChange((latest) => ({ status: toggled(latest.status, value, isOn) }));
            }}
          />
        )}
        <ChipGroup
          legend="Priority"
          options={TASK_PRIORITIES.map((value) => ({
            value,
            label: value === "none" ? "None" : priorityLabels[value],
          }))}
          selected={filters.priority}
          onToggle={(value, isOn) => {
            onChange((latest) => ({ priority: toggled(latest.priority, value, isOn) }));
          }}
        />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <div className="space-y-1">
          <label htmlFor="filter-assignee" className={fieldLabel}>
            Assignee
          </label>
          <select
            id="filter-assignee"
            value={filters.assignee ?? ""}
            onChange={(event) => {
              onChange({ assignee: event.target.value || null });
            }}
            className={`block w-full ${controlClasses}`}
          >
            <option value="">Anyone</option>
            <option value="unassigned">Unassigned</option>
            {members.options
              .filter((option) => option.value)
              .map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-label" className={fieldLabel}>
            Label
          </label>
          <select
            id="filter-label"
            value={filters.label}
            onChange={(event) => {
              onChange({ label: event.target.value });
            }}
            aria-describedby={labels.isError ? "filter-label-error" : undefined}
            className={`block w-full ${controlClasses}`}
          >
            <option value="">Any label</option>
            {/* The chosen label stays listed while the labels load (or if it was deleted). */}
            {filters.label && !labels.data?.some((l) => l.id === filters.label) ? (
              <option value={filters.label}>
                {labels.isPending ? "Loading…" : "(deleted label)"}
              </option>
            ) : null}
            {labels.data?.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
          {labels.isError ? (
            <p id="filter-label-error" className="text-xs text-rose-700 dark:text-rose-300">
              Labels could not be loaded.
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-due-from" className={fieldLabel}>
            Due from
          </label>
          <input
            id="filter-due-from"
            type="date"
            value={filters.dueFrom}
            onChange={(event) => {
              onChange({ dueFrom: event.target.value });
            }}
            aria-describedby={dueRangeError ? "due-range-error" : undefined}
            className={`block w-full ${controlClasses}`}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-due-to" className={fieldLabel}>
            Due until
          </label>
          <input
            id="filter-due-to"
            type="date"
            value={filters.dueTo}
            onChange={(event) => {
              onChange({ dueTo: event.target.value });
            }}
            aria-describedby={dueRangeError ? "due-range-error" : undefined}
            className={`block w-full ${controlClasses}`}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-sort" className={fieldLabel}>
            Sort by
          </label>
          <select
            id="filter-sort"
            value={filters.sort}
            onChange={(event) => {
              const sort = event.target.value as ListSort;
              onChange({ sort, direction: defaultDirections[sort] });
            }}
            className={`block w-full ${controlClasses}`}
          >
            {LIST_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {sortLabels[sort]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-direction" className={fieldLabel}>
            Order
          </label>
          <select
            id="filter-direction"
            value={filters.direction}
            onChange={(event) => {
              onChange({ direction: event.target.value === "asc" ? "asc" : "desc" });
            }}
            className={`block w-full ${controlClasses}`}
          >
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </select>
        </div>
      </div>
      {dueRangeError ? (
        <p id="due-range-error" className="text-sm text-rose-700 dark:text-rose-300">
          {dueRangeError} Change “Due from” or “Due until”.
        </p>
      ) : null}
      {active > 0 ? (
        <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          {active} {active === 1 ? "filter" : "filters"} on
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              onChange(noFilters);
            }}
          >
            Clear filters
          </Button>
        </div>
      ) : null}
    </section>
  );
}
