"use client";

import type { MyTaskRelation } from "@tesseract/validators";
import { keepPreviousData } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { LoadMore } from "~/components/load-more.tsx";
import { QueryError } from "~/components/query-error.tsx";
import { Button } from "~/components/ui/button.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { flattenPages } from "~/lib/board-order.ts";
import { myTasksQuery } from "~/lib/my-issues.ts";
import type { TaskFilters } from "~/lib/task-filters.ts";
import { activeFilterCount } from "~/lib/task-filters.ts";
import { todayIso } from "~/lib/tasks.ts";
import { trpc } from "~/trpc/react.tsx";
import { TaskRow } from "../projects/[key]/list/task-row.tsx";
import { TaskTableHead, TaskTableSkeleton } from "../projects/[key]/list/task-table-parts.tsx";

const emptyTitles: Record<MyTaskRelation, string> = {
  assigned: "Nothing is assigned to you",
  created: "You have not created any tasks yet",
  subscribed: "You follow no tasks yet",
};

/** The caller's tasks across projects: the list's columns, paged, with its loading and empty states. */
export function MyIssuesTable({
  orgId,
  relation,
  filters,
  onClear,
}: {
  orgId: string;
  relation: MyTaskRelation;
  filters: TaskFilters;
  onClear: () => void;
}) {
  const [today] = useState(todayIso);
  const query = trpc.task.mine.useInfiniteQuery(myTasksQuery(orgId, relation, filters), {
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
  const tasks = useMemo(() => (query.data ? flattenPages(query.data) : []), [query.data]);

  if (query.isPending) return <TaskTableSkeleton label="Loading your tasks…" />;
  if (query.isError && !query.data)
    return (
      <QueryError
        error={query.error}
        title="Your tasks could not be loaded"
        onRetry={() => void query.refetch()}
      />
    );
  if (tasks.length === 0) {
    const isFiltered = activeFilterCount(filters) > 0;
    return (
      <EmptyState title={isFiltered ? "No tasks match these filters" : emptyTitles[relation]}>
        {isFiltered ? (
          <Button size="sm" variant="secondary" className="mt-3" onClick={onClear}>
            Clear filters
          </Button>
        ) : null}
      </EmptyState>
    );
  }
  const dateColumn = filters.sort === "created" ? "created" : "updated";
  return (
    <div className="space-y-3">
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {`${tasks.length}${query.hasNextPage ? "+" : ""} ${tasks.length === 1 ? "task" : "tasks"}`}
      </p>
      <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table
          data-testid="my-issues-table"
          aria-busy={query.isPlaceholderData || undefined}
          className={`w-full min-w-[20rem] text-sm ${query.isPlaceholderData ? "opacity-60" : ""}`}
        >
          <caption className="sr-only">My tasks</caption>
          <TaskTableHead filters={filters} />
          <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
            {tasks.map((task) => (
              <TaskRow
                key={task.id}
                orgId={orgId}
                task={task}
                today={today}
                dateColumn={dateColumn}
              />
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore
        query={query}
        errorTitle="More tasks could not be loaded"
        endText="That is every task."
      />
    </div>
  );
}
