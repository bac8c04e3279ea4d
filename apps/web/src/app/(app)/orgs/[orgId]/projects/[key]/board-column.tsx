"use client";

import type { StatusCategory } from "@tesseract/validators";
import type { DragEvent, FocusEvent, KeyboardEvent } from "react";
import { QueryError } from "~/components/query-error.tsx";
import type { TaskItem } from "~/components/tasks/types.ts";
import { Skeleton } from "~/components/ui/skeleton.tsx";
import { columnTestId } from "~/lib/workflow.ts";
import type { CardDragProps } from "./task-card.tsx";
import { TaskCard } from "./task-card.tsx";
import type { BoardStatus, ColumnQuery } from "./use-board-columns.ts";
import { useColumn } from "./use-board-columns.ts";
import { useColumnVirtualizer } from "./use-column-virtualizer.ts";

const dots: Record<StatusCategory, string> = {
  backlog: "border-zinc-400 dark:border-zinc-500",
  unstarted: "border-zinc-500 bg-zinc-200 dark:border-zinc-400 dark:bg-zinc-700",
  started: "border-indigo-500 bg-indigo-200 dark:bg-indigo-500/40",
  completed: "border-emerald-600 bg-emerald-500 dark:border-emerald-400 dark:bg-emerald-400",
  canceled: "border-zinc-400 bg-zinc-400 dark:border-zinc-500 dark:bg-zinc-500",
};

export interface ColumnDropProps {
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDragLeave: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
}

/**
 * One column: a project status and its cards. It runs its own paged query, so it is the same
 * element, scroll box and query however the other columns change.
 */
export function BoardColumn({
  orgId,
  projectId,
  status,
  items,
  count,
  today,
  tabStopId,
  draggingId,
  dropIndex,
  drop,
  cardDrag,
  onCardKeyDown,
  onCardFocus,
  onMoveMenu,
  fillsWidth,
}: {
  orgId: string;
  projectId: string;
  status: BoardStatus;
  /** The loaded cards, in order (from the cache this column's query fills). */
  items: TaskItem[];
  /** How many tasks the column holds in all. */
  count: number;
  today: string;
  /** The card that is the column's Tab stop (the first when it is not among the loaded). */
  tabStopId: string | null;
  draggingId: string | null;
  /** Where a dragged card would land among the other cards, when it is over this column. */
  dropIndex: number | null;
  drop?: ColumnDropProps | undefined;
  cardDrag?: ((task: TaskItem) => CardDragProps) | undefined;
  onCardKeyDown: (task: TaskItem, event: KeyboardEvent<HTMLElement>) => void;
  onCardFocus: (task: TaskItem, event: FocusEvent<HTMLElement>) => void;
  onMoveMenu?: ((task: TaskItem) => void) | undefined;
  /** A cell of the wide window's five-column grid, sized by it; otherwise a fixed width. */
  fillsWidth: boolean;
}) {
  const query = useColumn(orgId, projectId, status.id);
  const testId = columnTestId(status.name);
  const headingId = `column-${status.id}`;
  const ids = items.map((item) => item.id);
  const draggedIndex = draggingId === null ? -1 : ids.indexOf(draggingId);
  const others = draggedIndex === -1 ? items.length : items.length - 1;
  const tabStop = Math.max(0, tabStopId === null ? 0 : ids.indexOf(tabStopId));
  const {
    scrollRef,
    virtualizer,
    items: drawn,
    totalSize,
  } = useColumnVirtualizer(ids, items.length > 0 ? tabStop : -1, query);
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`column-${testId}`}
      data-status-id={status.id}
      {...drop}
      className={`flex min-h-0 w-[min(18rem,80vw)] shrink-0 snap-start flex-col rounded-xl border bg-zinc-50/80 transition-colors dark:bg-zinc-900/50 ${fillsWidth ? "xl:w-auto" : ""} ${
        dropIndex !== null
          ? "border-indigo-300 bg-indigo-50/50 dark:border-indigo-500/40 dark:bg-indigo-500/5"
          : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <h2
        id={headingId}
        className="flex items-center gap-2 px-3 pt-3 pb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200"
      >
        <span
          aria-hidden="true"
          className={`size-2.5 rounded-full border-2 ${dots[status.category]}`}
        />
        {status.name}
        <span
          data-testid={`count-${testId}`}
          className="ml-auto text-xs font-normal text-zinc-500 tabular-nums dark:text-zinc-400"
        >
          <span className="sr-only">, </span>
          {count}
          <span className="sr-only"> {count === 1 ? "task" : "tasks"}</span>
        </span>
      </h2>
      <div
        ref={scrollRef}
        data-column-scroll
        className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-2 pb-2"
      >
        {query.data === undefined && items.length === 0 ? (
          // Only a column added while the board is open waits for its first page (the board
          // page sent the others' with the HTML): a placeholder of its own, or the reason below.
          query.isError ? null : (
            <div aria-busy="true" className="space-y-2.5">
              <p className="sr-only">Loading the tasks in {status.name}…</p>
              <Skeleton className="h-24 w-full" />
              <Skeleton className="h-20 w-full" />
            </div>
          )
        ) : items.length === 0 ? (
          <ol className="flex h-full min-h-28 flex-col">
            <li className="grid flex-1 place-items-center rounded-lg border border-dashed border-zinc-300 px-3 py-6 text-center text-xs text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
              {drop ? "No tasks. Drop one here." : "No tasks"}
            </li>
          </ol>
        ) : (
          // Only the cards in view are drawn, each placed at its offset in the whole column.
          <ol className="relative" style={{ height: totalSize }}>
            {drawn.map((row) => {
              const task = items[row.index]!;
              const isDragged = row.index === draggedIndex;
              const at =
                draggedIndex !== -1 && row.index > draggedIndex ? row.index - 1 : row.index;
              return (
                <TaskCard
                  key={row.key}
                  orgId={orgId}
                  task={task}
                  today={today}
                  place={{
                    ref: virtualizer.measureElement,
                    index: row.index,
                    setSize: Math.max(count, items.length),
                    style: { transform: `translateY(${row.start}px)` },
                    dropIndex: isDragged ? null : at,
                  }}
                  isDragging={isDragged}
                  isTabStop={row.index === tabStop}
                  dropLine={
                    isDragged || dropIndex === null
                      ? null
                      : dropIndex === at
                        ? "before"
                        : dropIndex === others && at === others - 1
                          ? "end"
                          : null
                  }
                  drag={cardDrag?.(task)}
                  onKeyDown={(event) => {
                    onCardKeyDown(task, event);
                  }}
                  onFocus={(event) => {
                    onCardFocus(task, event);
                  }}
                  onMoveMenu={
                    onMoveMenu
                      ? () => {
                          onMoveMenu(task);
                        }
                      : undefined
                  }
                />
              );
            })}
          </ol>
        )}
      </div>
      <ColumnFoot query={query} status={status} />
    </section>
  );
}

/** Under a column: that the next page is on its way, or why a page failed, with a retry. */
function ColumnFoot({ query, status }: { query: ColumnQuery; status: BoardStatus }) {
  // The first page fails only in a column added while the board is open (see BoardColumn).
  if (query.isFetchNextPageError || query.isLoadingError) {
    return (
      <div className="px-2 pb-2">
        <QueryError
          error={query.error}
          title={`Tasks in ${status.name} could not be loaded`}
          onRetry={() => void (query.isLoadingError ? query.refetch() : query.fetchNextPage())}
        />
      </div>
    );
  }
  return query.isFetchingNextPage ? (
    <p className="px-3 pb-2 text-xs text-zinc-500 dark:text-zinc-400">Loading more…</p>
  ) : null;
}
