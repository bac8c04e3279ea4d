"use client";

import type { TaskStatus } from "@tesseract/validators";
import type { KeyboardEvent } from "react";
import { useState } from "react";
import type { TaskItem } from "~/components/tasks/types.ts";
import { useDeleteTask } from "~/components/tasks/use-undo-delete.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { Direction, Target } from "~/lib/board-order.ts";
import { cardForKey } from "~/lib/board-keys.ts";
import { flattenPages, isSamePlace, keyboardTarget, placementAt } from "~/lib/board-order.ts";
import { statusLabels, TASK_STATUSES, todayIso } from "~/lib/tasks.ts";
import { BoardColumn } from "./board-column.tsx";
import { MoveTaskDialog } from "./move-task-dialog.tsx";
import { useBoardColumns, useBoardCounts } from "./use-board-columns.ts";
import { useBoardShortcuts } from "./use-board-commands.ts";
import { useBoardDrag } from "./use-board-drag.ts";
import { useCardFocus } from "./use-card-focus.ts";
import { useMoveTask } from "./use-move-task.ts";
import { useViewportTop } from "./use-viewport-top.ts";

const arrowDirections: Record<string, Direction> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

/** "ENG-3 moved to In progress, position 1 of 4": what a screen reader hears after a move. */
function describePlace(
  key: string,
  status: TaskStatus,
  columns: Record<TaskStatus, TaskItem[]>,
  counts: Record<TaskStatus, number>,
  target: Target,
) {
  const others = columns[target.status].filter((item) => item.key !== key);
  let index = others.length;
  if (target.afterId) index = others.findIndex((item) => item.id === target.afterId) + 1;
  else if (target.beforeId) index = others.findIndex((item) => item.id === target.beforeId);
  const where = target.status === status ? "" : ` to ${statusLabels[target.status]}`;
  // The column may hold more than is loaded: the count says how many in all.
  const size = Math.max(others.length, counts[target.status] - (target.status === status ? 1 : 0));
  return `${key} moved${where}, position ${index + 1} of ${size + 1}.`;
}

export function Board({
  orgId,
  projectId,
  canMove,
}: {
  orgId: string;
  projectId: string;
  canMove: boolean;
}) {
  const queries = useBoardColumns(orgId, projectId);
  const columns = Object.fromEntries(
    TASK_STATUSES.map((status) => [status, flattenPages(queries[status].data)]),
  ) as Record<TaskStatus, TaskItem[]>;
  const counts = useBoardCounts(orgId, projectId);
  const { moveTask, failure, dismissFailure } = useMoveTask(orgId, projectId);
  const { tabStops, keepTabStop, focusCard } = useCardFocus();
  useBoardShortcuts(canMove);
  const [announcement, setAnnouncement] = useState("");
  const [moving, setMoving] = useState<TaskItem | null>(null);
  const deleteTask = useDeleteTask(orgId, projectId, (key) => {
    setAnnouncement(`${key} deleted.`);
  });
  const [today] = useState(todayIso);
  const stripRef = useViewportTop<HTMLDivElement>();
  const isEmpty = TASK_STATUSES.every(
    (status) => columns[status].length === 0 && counts.byStatus[status] === 0,
  );

  const move = (task: TaskItem, target: Target, refocus: boolean) => {
    if (target.status === task.status && isSamePlace(columns[task.status], task.id, target)) return;
    setAnnouncement(describePlace(task.key, task.status, columns, counts.byStatus, target));
    if (refocus) focusCard({ taskId: task.id, status: target.status });
    moveTask(task.id, target);
  };

  const { draggingId, dropTarget, cardProps, columnProps } = useBoardDrag((taskId, from, drop) => {
    const task = columns[from].find((item) => item.id === taskId);
    if (!task) return;
    const others = columns[drop.status].filter((item) => item.id !== taskId);
    move(task, { status: drop.status, ...placementAt(others, drop.index) }, false);
  });

  const onCardKeyDown = (task: TaskItem, event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget.querySelector("a")) return;
    const hasModifier = event.ctrlKey || event.metaKey || event.altKey;
    if (!hasModifier && !event.shiftKey) {
      const next = cardForKey(
        columns,
        tabStops,
        { status: task.status, taskId: task.id },
        event.key,
      );
      if (next) {
        event.preventDefault();
        focusCard(next);
        return;
      }
      // At an edge the arrows do nothing else (no scrolling of the column or the page).
      if (arrowDirections[event.key]) event.preventDefault();
    }
    if (!canMove) return;
    if (
      (event.key === "m" || event.key === "M") &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      event.preventDefault();
      setMoving(task);
      return;
    }
    const direction = arrowDirections[event.key];
    if (!direction || !event.shiftKey || hasModifier) return;
    event.preventDefault();
    const target = keyboardTarget(columns, task.status, task.id, direction);
    if (target) move(task, target, true);
    else setAnnouncement(`${task.key} cannot move further ${direction}.`);
  };

  return (
    <div className="space-y-3">
      <p id="board-help" className="text-sm text-zinc-500 dark:text-zinc-400">
        {canMove ? "Drag cards to move them. " : null}Each column is one Tab stop: arrow keys go
        from card to card, <kbd className="font-sans font-medium">Enter</kbd> opens one
        {canMove ? (
          <>
            , <kbd className="font-sans font-medium">Shift</kbd> + arrow keys move it and{" "}
            <kbd className="font-sans font-medium">M</kbd> opens Move…
          </>
        ) : (
          "."
        )}
      </p>
      {failure ? (
        <Alert tone="error" title={`${failure.taskKey} was not moved`} testId="move-error">
          <p>{failure.message} It is back where it was; try again in a moment.</p>
          <Button size="sm" variant="secondary" className="mt-2" onClick={dismissFailure}>
            Dismiss
          </Button>
        </Alert>
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {isEmpty ? (
        <Alert tone="info" title="No tasks yet">
          {canMove
            ? "Create the first one with New task (or press C)."
            : "Tasks appear here once members create them."}
        </Alert>
      ) : null}
      {/* relative: screen-reader-only text inside is clipped by this strip, not the page. */}
      <div className="relative -mx-4 snap-x overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0">
        {/*
          A fixed height: each column scrolls its own cards (and loads more as it does). The
          columns end above the bottom of the window, wherever the header leaves them to start,
          so the whole of each column (a drop target too) is in view without scrolling the page.
        */}
        <div
          ref={stripRef}
          className="flex h-[max(12rem,calc(100dvh-var(--viewport-top,16rem)-1.5rem))] items-stretch gap-3 xl:grid xl:grid-cols-5 xl:grid-rows-[minmax(0,1fr)]"
        >
          {TASK_STATUSES.map((status) => (
            <BoardColumn
              key={status}
              orgId={orgId}
              status={status}
              items={columns[status]}
              count={counts.byStatus[status]}
              query={queries[status]}
              today={today}
              tabStopId={tabStops[status] ?? null}
              draggingId={draggingId}
              dropIndex={dropTarget?.status === status ? dropTarget.index : null}
              drop={canMove ? columnProps(status) : undefined}
              cardDrag={canMove ? (task) => cardProps(task.id, task.status) : undefined}
              onCardKeyDown={onCardKeyDown}
              onCardFocus={(task) => {
                keepTabStop({ status: task.status, taskId: task.id });
              }}
              onMoveMenu={canMove ? setMoving : undefined}
            />
          ))}
        </div>
      </div>
      {moving ? (
        <MoveTaskDialog
          task={moving}
          columns={columns}
          onDelete={() => {
            deleteTask(moving);
            setMoving(null);
          }}
          onClose={() => {
            focusCard({ taskId: moving.id, status: moving.status });
            setMoving(null);
          }}
          onMove={(target) => {
            move(moving, target, true);
            setMoving(null);
          }}
        />
      ) : null}
    </div>
  );
}
