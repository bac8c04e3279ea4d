"use client";

import type { Route } from "next";
import type { CSSProperties, DragEvent, FocusEvent, KeyboardEvent, Ref } from "react";
import {
  BlockedBadge,
  LabelChip,
  PriorityBadge,
  SubtaskProgress,
} from "~/components/tasks/task-badges.tsx";
import type { TaskItem } from "~/components/tasks/types.ts";
import { formatDueDate, isOverdue } from "~/lib/tasks.ts";
import { IntentLink } from "~/components/intent-link.tsx";
import { useHydrated } from "~/lib/use-hydrated.ts";

export interface CardDragProps {
  draggable: boolean;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join("");
}

/** Where a card sits in its column's virtual list, and what the list needs of its element. */
export interface CardPlace {
  ref: Ref<HTMLLIElement>;
  /** Its index among the column's loaded cards (the virtualizer measures by it). */
  index: number;
  /** How many cards the column holds in all, loaded or not. */
  setSize: number;
  style: CSSProperties;
  /** Its index among the column's cards without the one being dragged (none for that one). */
  dropIndex: number | null;
}

export function TaskCard({
  orgId,
  task,
  today,
  place,
  isDragging,
  isTabStop,
  dropLine,
  drag,
  onKeyDown,
  onFocus,
  onMoveMenu,
}: {
  orgId: string;
  task: TaskItem;
  today: string;
  place: CardPlace;
  isDragging: boolean;
  /** The column's one Tab stop: the arrow keys reach the others. */
  isTabStop: boolean;
  dropLine: "before" | "end" | null;
  /** Absent for viewers, who cannot move tasks. */
  drag?: CardDragProps | undefined;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onMoveMenu?: (() => void) | undefined;
}) {
  const hydrated = useHydrated();
  const overdue = isOverdue(task.dueDate, task.status, today);
  return (
    <li
      ref={place.ref}
      data-index={place.index}
      data-drop-index={place.dropIndex ?? undefined}
      aria-posinset={place.index + 1}
      aria-setsize={place.setSize}
      style={place.style}
      data-task-id={task.id}
      data-testid={`card-${task.key}`}
      {...drag}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      className={`group absolute inset-x-0 top-0 rounded-lg border border-zinc-200 bg-white p-3 shadow-xs transition-[opacity,box-shadow] hover:border-zinc-300 hover:shadow-sm dark:border-zinc-700/70 dark:bg-zinc-900 dark:hover:border-zinc-600 ${
        drag ? "cursor-grab active:cursor-grabbing" : ""
      } ${isDragging ? "opacity-40" : ""}`}
    >
      {dropLine ? <DropLine position={dropLine} /> : null}
      <div className="flex items-center justify-between gap-2">
        <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{task.key}</span>
        {onMoveMenu ? (
          <button
            type="button"
            onClick={onMoveMenu}
            // Disabled in the server's HTML: a click before the board hydrates would be lost.
            disabled={!hydrated}
            // One Tab stop per card list: M opens the same menu from the focused card.
            tabIndex={-1}
            aria-label={`Move ${task.key}…`}
            title="Move… (M)"
            className="relative z-10 -my-1 -mr-1 rounded-md px-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
              <path d="M4 10a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm7.5 0a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0ZM19 10a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Z" />
            </svg>
          </button>
        ) : null}
      </div>
      <IntentLink
        href={`/orgs/${orgId}/tasks/${task.key}` as Route}
        draggable={false}
        tabIndex={isTabStop ? 0 : -1}
        aria-describedby="board-help"
        aria-keyshortcuts={
          drag ? "Shift+ArrowUp Shift+ArrowDown Shift+ArrowLeft Shift+ArrowRight M" : undefined
        }
        className="mt-1 block text-sm leading-snug font-medium break-words text-zinc-900 after:absolute after:inset-0 after:rounded-lg focus:outline-none focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-indigo-500 dark:text-zinc-100"
      >
        {task.title}
      </IntentLink>
      {task.priority !== "none" ||
      task.labels.length > 0 ||
      task.subtasks.total > 0 ||
      task.blockedBy > 0 ? (
        <div className="mt-2 flex flex-wrap items-center gap-1.5">
          <BlockedBadge blockedBy={task.blockedBy} />
          <PriorityBadge priority={task.priority} />
          <SubtaskProgress subtasks={task.subtasks} testId={`subtasks-${task.key}`} />
          {task.labels.map((label) => (
            <LabelChip key={label.id} label={label} />
          ))}
        </div>
      ) : null}
      {task.assigneeName || task.dueDate ? (
        <div className="mt-2 flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          {task.assigneeName ? (
            <span className="flex min-w-0 items-center gap-1.5">
              <span
                aria-hidden="true"
                className="grid size-5 shrink-0 place-items-center rounded-full bg-indigo-100 text-[10px] font-semibold text-indigo-800 dark:bg-indigo-500/20 dark:text-indigo-200"
              >
                {initials(task.assigneeName)}
              </span>
              <span className="truncate">{task.assigneeName}</span>
            </span>
          ) : (
            <span />
          )}
          {task.dueDate ? (
            <span
              className={`shrink-0 tabular-nums ${overdue ? "font-medium text-rose-700 dark:text-rose-300" : ""}`}
            >
              {overdue ? "Overdue · " : "Due "}
              {formatDueDate(task.dueDate)}
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

export function DropLine({ position }: { position: "before" | "end" }) {
  return (
    <span
      aria-hidden="true"
      className={`pointer-events-none absolute inset-x-1 h-0.5 rounded-full bg-indigo-500 ${
        position === "before" ? "-top-[5px]" : "-bottom-[5px]"
      }`}
    />
  );
}
