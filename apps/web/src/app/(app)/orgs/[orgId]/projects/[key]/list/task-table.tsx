"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTaskViewCatchUp } from "~/components/live/live-catch-up.ts";
import { LoadMore } from "~/components/load-more.tsx";
import { QueryError } from "~/components/query-error.tsx";
import { Button } from "~/components/ui/button.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Spinner } from "~/components/ui/spinner.tsx";
import { flattenPages } from "~/lib/board-order.ts";
import type { FilterChange, TaskFilters } from "~/lib/task-filters.ts";
import { activeFilterCount, emptyFilters, listTasksQuery, noFilters } from "~/lib/task-filters.ts";
import { todayIso } from "~/lib/tasks.ts";
import { trpc } from "~/trpc/react.tsx";
import { BulkActionBar } from "./bulk-action-bar.tsx";
import { SelectAllBox } from "./select-all-box.tsx";
import { TaskRow } from "./task-row.tsx";
import { TaskTableHead, TaskTableSkeleton } from "./task-table-parts.tsx";
import { useDeleteTask } from "~/components/tasks/use-undo-delete.ts";
import { useTaskSelection } from "./use-task-selection.ts";

export function TaskTable({
  orgId,
  projectId,
  filters,
  canWrite,
  onChange,
}: {
  orgId: string;
  projectId: string;
  filters: TaskFilters;
  /** Shows the selection boxes and the bulk actions. */
  canWrite: boolean;
  onChange: (change: FilterChange) => void;
}) {
  const [today] = useState(todayIso);
  // The last rows stay on screen while a new filter's first page loads.
  const query = trpc.task.list.useInfiniteQuery(listTasksQuery(orgId, projectId, filters), {
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
  const tasks = useMemo(() => (query.data ? flattenPages(query.data) : []), [query.data]);
  const ids = useMemo(() => tasks.map((task) => task.id), [tasks]);
  const selection = useTaskSelection(ids);
  const deleteTask = useDeleteTask(orgId, projectId);
  useTaskViewCatchUp(orgId, projectId);

  if (query.isPending) return <TaskTableSkeleton label="Loading tasks…" />;
  if (query.isError && !query.data) {
    return (
      <QueryError
        error={query.error}
        title="Tasks could not be loaded"
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (tasks.length === 0) {
    const isFiltered = activeFilterCount(filters) > 0;
    return (
      <EmptyState title={isFiltered ? "No tasks match these filters" : "No tasks yet"}>
        {isFiltered ? (
          <Button
            size="sm"
            variant="secondary"
            className="mt-3"
            onClick={() => {
              onChange({
                ...noFilters,
                sort: emptyFilters.sort,
                direction: emptyFilters.direction,
              });
            }}
          >
            Clear filters
          </Button>
        ) : (
          "Create one with New task (or press C)."
        )}
      </EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      {canWrite && selection.selected.size > 0 ? (
        <BulkActionBar
          orgId={orgId}
          projectId={projectId}
          taskIds={[...selection.selected]}
          onDone={() => {
            selection.setAll(false);
          }}
        />
      ) : null}
      <div className="flex items-center justify-between gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        <p role="status">
          {query.isPlaceholderData ? (
            <span className="inline-flex items-center gap-1.5">
              <Spinner className="size-3.5" /> Updating…
            </span>
          ) : (
            `${tasks.length}${query.hasNextPage ? "+" : ""} ${tasks.length === 1 ? "task" : "tasks"}`
          )}
        </p>
      </div>
      <div className="relative overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table
          data-testid="task-table"
          aria-busy={query.isPlaceholderData || undefined}
          className={`w-full min-w-[20rem] text-sm transition-opacity ${query.isPlaceholderData ? "opacity-60" : ""}`}
        >
          <caption className="sr-only">Tasks</caption>
          <TaskTableHead
            filters={filters}
            hasActions={canWrite}
            selectAll={
              canWrite ? (
                <SelectAllBox
                  count={selection.selected.size}
                  total={ids.length}
                  onChange={selection.setAll}
                />
              ) : undefined
            }
          />
          <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
            {tasks.map((task) => (
              <TaskRow
                key={task.id}
                orgId={orgId}
                task={task}
                today={today}
                dateColumn={filters.sort === "created" ? "created" : "updated"}
                selection={
                  canWrite
                    ? {
                        isSelected: selection.selected.has(task.id),
                        onToggle: (withRange) => {
                          selection.toggle(task.id, withRange);
                        },
                      }
                    : undefined
                }
                onDelete={canWrite ? deleteTask : undefined}
              />
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore
        query={query}
        errorTitle="More tasks could not be loaded"
        endText="That is every match."
      />
    </div>
  );
}
