"use client";

import type { KeyboardEvent } from "react";
import { useState } from "react";
import { useTaskViewCatchUp } from "~/components/live/live-catch-up.ts";
import type { TaskItem } from "~/components/tasks/types.ts";
import { useDeleteTask } from "~/components/tasks/use-undo-delete.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { Direction, Target } from "~/lib/board-order.ts";
import { cardForKey } from "~/lib/board-keys.ts";
import { isSamePlace, keyboardTarget, placementAt } from "~/lib/board-order.ts";
import { todayIso } from "~/lib/tasks.ts";
import { BoardColumn } from "./board-column.tsx";
import { MoveTaskDialog } from "./move-task-dialog.tsx";
import { KeepColumnPlaces } from "./keep-column-places.tsx";
import { useBoardCounts, useBoardStatuses, useColumnItems } from "./use-board-columns.ts";
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
  status: string,
  columns: Record<string, TaskItem[]>,
  counts: Record<string, number>,
  names: Record<string, string>,
  target: Target,
) {
  const others = (columns[target.status] ?? []).filter((item) => item.key !== key);
  let index = others.length;
  if (target.afterId) index = others.findIndex((item) => item.id === target.afterId) + 1;
  else if (target.beforeId) index = others.findIndex((item) => item.id === target.beforeId);
  const where = target.status === status ? "" : ` to ${names[target.status] ?? "another column"}`;
  // The column may hold more than is loaded: the count says how many in all.
  const size = Math.max(
    others.length,
    (counts[target.status] ?? 0) - (target.status === status ? 1 : 0),
  );
  return `${key} moved${where}, position ${index + 1} of ${size + 1}.`;
}

/**
 * The board: one column per project status. A status added, removed, renamed or moved while it
 * is open (by someone else, arriving live) changes that column only: the others stay mounted
 * with their scroll positions, loaded pages and the focused card, and a drag in progress goes on.
 */
export function Board({
  orgId,
  projectId,
  canMove,
}: {
  orgId: string;
  projectId: string;
  canMove: boolean;
}) {
  const statuses = useBoardStatuses(orgId, projectId);
  useTaskViewCatchUp(orgId, projectId);
  const order = statuses.map((status) => status.id);
  const names = Object.fromEntries(statuses.map((status) => [status.id, status.name]));
  const columns = useColumnItems(orgId, projectId, order);
  const counts = useBoardCounts(orgId, projectId);
  const countOf = (id: string) => counts.byStatusId[id] ?? 0;
  const { moveTask, failure, dismissFailure } = useMoveTask(orgId, projectId, statuses);
  const { tabStops, keepTabStop, focusCard } = useCardFocus();
  useBoardShortcuts(canMove);
  const [announcement, setAnnouncement] = useState("");
  const [moving, setMoving] = useState<TaskItem | null>(null);
  const deleteTask = useDeleteTask(orgId, projectId, (key) => {
    setAnnouncement(`${key} deleted.`);
  });
  const [today] = useState(todayIso);
  const stripRef = useViewportTop<HTMLDivElement>();
  const isEmpty = order.every((id) => columns[id]?.length === 0 && countOf(id) === 0);

  const move = (task: TaskItem, target: Target, refocus: boolean) => {
    const from = task.statusId;
    if (target.status === from && isSamePlace(columns[from] ?? [], task.id, target)) return;
    setAnnouncement(describePlace(task.key, from, columns, counts.byStatusId, names, target));
    if (refocus) focusCard({ taskId: task.id, status: target.status });
    moveTask(task.id, target);
  };

  const { draggingId, dropTarget, cardProps, columnProps } = useBoardDrag((taskId, from, drop) => {
    const task = columns[from]?.find((item) => item.id === taskId);
    if (!task) return;
    const others = (columns[drop.status] ?? []).filter((item) => item.id !== taskId);
    move(task, { status: drop.status, ...placementAt(others, drop.index) }, false);
  });

  const onCardKeyDown = (task: TaskItem, event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget.querySelector("a")) return;
    const hasModifier = event.ctrlKey || event.metaKey || event.altKey;
    if (!hasModifier && !event.shiftKey) {
      const next = cardForKey(
        columns,
        tabStops,
        { status: task.statusId, taskId: task.id },
        event.key,
        order,
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
    const target = keyboardTarget(columns, task.statusId, task.id, direction, order);
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
          className={`flex h-[max(12rem,calc(100dvh-var(--viewport-top,16rem)-1.5rem))] items-stretch gap-3 ${
            // Five columns fit the width of a wide window; more scroll sideways.
            statuses.length === 5 ? "xl:grid xl:grid-cols-5 xl:grid-rows-[minmax(0,1fr)]" : ""
          }`}
        >
          <KeepColumnPlaces order={order.join()}>
            {statuses.map((status) => (
              // Keyed by status: each column, its query and its scroll box outlive any change
              // to the others.
              <BoardColumn
                key={status.id}
                fillsWidth={statuses.length === 5}
                orgId={orgId}
                projectId={projectId}
                status={status}
                items={columns[status.id] ?? []}
                count={countOf(status.id)}
                today={today}
                tabStopId={tabStops[status.id] ?? null}
                draggingId={draggingId}
                dropIndex={dropTarget?.status === status.id ? dropTarget.index : null}
                drop={canMove ? columnProps(status.id) : undefined}
                cardDrag={canMove ? (task) => cardProps(task.id, task.statusId) : undefined}
                onCardKeyDown={onCardKeyDown}
                onCardFocus={(task) => {
                  keepTabStop({ status: task.statusId, taskId: task.id });
                }}
                onMoveMenu={canMove ? setMoving : undefined}
              />
            ))}
          </KeepColumnPlaces>
        </div>
      </div>
      {moving ? (
        <MoveTaskDialog
          task={moving}
          columns={columns}
          statuses={statuses}
          onDelete={() => {
            deleteTask(moving);
            setMoving(null);
          }}
          onClose={() => {
            focusCard({ taskId: moving.id, status: moving.statusId });
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
