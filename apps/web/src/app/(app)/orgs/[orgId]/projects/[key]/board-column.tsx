"use client";

import type { TaskStatus } from "@tesseract/validators";
import type { DragEvent, KeyboardEvent } from "react";
import { LoadMore } from "~/components/load-more.tsx";
import type { TaskItem } from "~/components/tasks/types.ts";
import { statusLabels } from "~/lib/tasks.ts";
import type { CardDragProps } from "./task-card.tsx";
import { DropLine, TaskCard } from "./task-card.tsx";
import type { ColumnQuery } from "./use-board-columns.ts";

const dots: Record<TaskStatus, string> = {
  backlog: "border-zinc-400 dark:border-zinc-500",
  todo: "border-zinc-500 bg-zinc-200 dark:border-zinc-400 dark:bg-zinc-700",
  in_progress: "border-indigo-500 bg-indigo-200 dark:bg-indigo-500/40",
  done: "border-emerald-600 bg-emerald-500 dark:border-emerald-400 dark:bg-emerald-400",
  canceled: "border-zinc-400 bg-zinc-400 dark:border-zinc-500 dark:bg-zinc-500",
};

export interface ColumnDropProps {
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDragLeave: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
}

export function BoardColumn({
  orgId,
  status,
  items,
  query,
  today,
  draggingId,
  dropIndex,
  drop,
  cardDrag,
  onCardKeyDown,
  onMoveMenu,
}: {
  orgId: string;
  status: TaskStatus;
  items: TaskItem[];
  query: ColumnQuery;
  today: string;
  draggingId: string | null;
  /** Where a dragged card would land among the other cards, when it is over this column. */
  dropIndex: number | null;
  drop?: ColumnDropProps | undefined;
  cardDrag?: ((task: TaskItem) => CardDragProps) | undefined;
  onCardKeyDown?: ((task: TaskItem, event: KeyboardEvent<HTMLElement>) => void) | undefined;
  onMoveMenu?: ((task: TaskItem) => void) | undefined;
}) {
  const headingId = `column-${status}`;
  const others = items.filter((item) => item.id !== draggingId);
  const count = query.hasNextPage ? `${items.length}+` : String(items.length);
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`column-${status}`}
      {...drop}
      className={`flex w-[min(18rem,80vw)] shrink-0 snap-start flex-col rounded-xl border bg-zinc-50/80 transition-colors xl:w-auto xl:shrink dark:bg-zinc-900/50 ${
        dropIndex !== null
          ? "border-indigo-300 bg-indigo-50/50 dark:border-indigo-500/40 dark:bg-indigo-500/5"
          : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <h2
        id={headingId}
        className="flex items-center gap-2 px-3 pt-3 pb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200"
      >
        <span aria-hidden="true" className={`size-2.5 rounded-full border-2 ${dots[status]}`} />
        {statusLabels[status]}
        <span className="ml-auto text-xs font-normal text-zinc-500 tabular-nums dark:text-zinc-400">
          <span className="sr-only">, </span>
          {count}
          <span className="sr-only"> tasks</span>
        </span>
      </h2>
      <ol className="flex min-h-28 flex-1 flex-col gap-2.5 px-2 pb-2">
        {items.map((task) => (
          <TaskCard
            key={task.id}
            orgId={orgId}
            task={task}
            today={today}
            isDragging={task.id === draggingId}
            showDropBefore={dropIndex !== null && others[dropIndex]?.id === task.id}
            drag={cardDrag?.(task)}
            onKeyDown={
              onCardKeyDown
                ? (event) => {
                    onCardKeyDown(task, event);
                  }
                : undefined
            }
            onMoveMenu={
              onMoveMenu
                ? () => {
                    onMoveMenu(task);
                  }
                : undefined
            }
          />
        ))}
        {items.length === 0 ? (
          <li className="grid flex-1 place-items-center rounded-lg border border-dashed border-zinc-300 px-3 py-6 text-center text-xs text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
            {drop ? "No tasks. Drop one here." : "No tasks"}
          </li>
        ) : null}
        {dropIndex !== null && dropIndex === others.length && others.length > 0 ? (
          <li aria-hidden="true" className="relative">
            <DropLine position="before" />
          </li>
        ) : null}
      </ol>
      <LoadMore
        query={query}
        context={`in ${statusLabels[status]}`}
        errorTitle="More tasks could not be loaded"
        layout="fill"
      />
    </section>
  );
}
