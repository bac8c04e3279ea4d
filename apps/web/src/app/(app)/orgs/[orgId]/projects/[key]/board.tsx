"use client";

import type { TaskStatus } from "@tesseract/validators";
import type { KeyboardEvent } from "react";
import { useEffect, useRef, useState } from "react";
import type { TaskItem } from "~/components/tasks/types.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import type { Direction, Target } from "~/lib/board-order.ts";
import { flattenPages, isSamePlace, keyboardTarget, placementAt } from "~/lib/board-order.ts";
import { statusLabels, TASK_STATUSES, todayIso } from "~/lib/tasks.ts";
import { BoardColumn } from "./board-column.tsx";
import { MoveTaskDialog } from "./move-task-dialog.tsx";
import { useBoardColumns } from "./use-board-columns.ts";
import { useBoardDrag } from "./use-board-drag.ts";
import { useMoveTask } from "./use-move-task.ts";

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
  target: Target,
) {
  const others = columns[target.status].filter((item) => item.key !== key);
  let index = others.length;
  if (target.afterId) index = others.findIndex((item) => item.id === target.afterId) + 1;
  else if (target.beforeId) index = others.findIndex((item) => item.id === target.beforeId);
  const where = target.status === status ? "" : ` to ${statusLabels[target.status]}`;
  return `${key} moved${where}, position ${index + 1} of ${others.length + 1}.`;
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
  const { moveTask, failure, dismissFailure } = useMoveTask(orgId, projectId);
  const [announcement, setAnnouncement] = useState("");
  // The card to focus once it has been drawn in its new place (after a keyboard move).
  const focusTarget = useRef<{ taskId: string; status: TaskStatus } | null>(null);
  const [moving, setMoving] = useState<TaskItem | null>(null);
  const [today] = useState(todayIso);
  const total = TASK_STATUSES.reduce((sum, status) => sum + columns[status].length, 0);

  const move = (task: TaskItem, target: Target, refocus: boolean) => {
    if (target.status === task.status && isSamePlace(columns[task.status], task.id, target)) return;
    setAnnouncement(describePlace(task.key, task.status, columns, target));
    if (refocus) focusTarget.current = { taskId: task.id, status: target.status };
    moveTask(task.id, target);
  };

  const { draggingId, dropTarget, cardProps, columnProps } = useBoardDrag((taskId, from, drop) => {
    const task = columns[from].find((item) => item.id === taskId);
    if (!task) return;
    const others = columns[drop.status].filter((item) => item.id !== taskId);
    move(task, { status: drop.status, ...placementAt(others, drop.index) }, false);
  });

  // A card moved by keyboard is drawn anew in its new place; keep the focus on it.
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    const link = document.querySelector<HTMLElement>(
      `[data-testid="column-${target.status}"] [data-task-id="${target.taskId}"] a`,
    );
    if (!link) return;
    if (document.activeElement !== link) link.focus();
    focusTarget.current = null;
  });

  const onCardKeyDown = (task: TaskItem, event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget.querySelector("a")) return;
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
    if (!direction || !event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    const target = keyboardTarget(columns, task.status, task.id, direction);
    if (target) move(task, target, true);
    else setAnnouncement(`${task.key} cannot move further ${direction}.`);
  };

  return (
    <div className="space-y-3">
      {canMove ? (
        <p id="board-help" className="text-sm text-zinc-500 dark:text-zinc-400">
          Drag cards to move them. With the keyboard: Tab to a card, then{" "}
          <kbd className="font-sans font-medium">Shift</kbd> + arrow keys move it, and{" "}
          <kbd className="font-sans font-medium">M</kbd> opens Move…
        </p>
      ) : null}
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
      {total === 0 ? (
        <Alert tone="info" title="No tasks yet">
          {canMove
            ? "Create the first one with New task (or press C)."
            : "Tasks appear here once members create them."}
        </Alert>
      ) : null}
      {/* relative: screen-reader-only text inside is clipped by this strip, not the page. */}
      <div className="relative -mx-4 snap-x overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0">
        <div className="flex items-stretch gap-3 xl:grid xl:grid-cols-5">
          {TASK_STATUSES.map((status) => (
            <BoardColumn
              key={status}
              orgId={orgId}
              status={status}
              items={columns[status]}
              query={queries[status]}
              today={today}
              draggingId={draggingId}
              dropIndex={dropTarget?.status === status ? dropTarget.index : null}
              drop={canMove ? columnProps(status) : undefined}
              cardDrag={canMove ? (task) => cardProps(task.id, task.status) : undefined}
              onCardKeyDown={canMove ? onCardKeyDown : undefined}
              onMoveMenu={canMove ? setMoving : undefined}
            />
          ))}
        </div>
      </div>
      {moving ? (
        <MoveTaskDialog
          task={moving}
          columns={columns}
          onClose={() => {
            focusTarget.current = { taskId: moving.id, status: moving.status };
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
