"use client";

import { useState } from "react";
import { SelectField } from "~/components/forms/select-field.tsx";
import type { TaskItem } from "~/components/tasks/types.ts";
import { Button } from "~/components/ui/button.tsx";
import { Dialog } from "~/components/ui/dialog.tsx";
import type { Target } from "~/lib/board-order.ts";
import type { BoardStatus } from "./use-board-columns.ts";

const TOP = "top";
const BOTTOM = "bottom";

/**
 * The card's menu: "Move…", the keyboard (and touch) way to put a card in any column and place,
 * and "Delete task".
 */
export function MoveTaskDialog({
  task,
  columns,
  statuses,
  onMove,
  onDelete,
  onClose,
}: {
  task: TaskItem;
  columns: Record<string, TaskItem[]>;
  statuses: BoardStatus[];
  onMove: (target: Target) => void;
  /** Deletes the task (it can be undone from the toast that follows). */
  onDelete: () => void;
  onClose: () => void;
}) {
  const [status, setStatus] = useState(task.statusId);
  const column = columns[status] ?? [];
  const others = column.filter((item) => item.id !== task.id);
  const current = column.findIndex((item) => item.id === task.id);
  // Where it is now in its own column; the top of any other.
  const initial = current > 0 ? column[current - 1]!.id : TOP;
  const [place, setPlace] = useState(initial);
  const options = [
    { value: TOP, label: "At the top" },
    ...others.map((item) => ({ value: item.id, label: `After ${item.key}: ${item.title}` })),
    ...(others.length > 0 ? [{ value: BOTTOM, label: "At the bottom" }] : []),
  ];

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Move ${task.key}`}
      description={task.title}
      testId="move-task-dialog"
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (place === TOP) onMove(others[0] ? { status, beforeId: others[0].id } : { status });
          else if (place === BOTTOM) {
            const last = others.at(-1);
            onMove(last ? { status, afterId: last.id } : { status });
          } else onMove({ status, afterId: place });
        }}
      >
        <SelectField
          name="status"
          label="Column"
          value={status}
          onChange={(event) => {
            const next = event.target.value;
            const nextColumn = columns[next];
            if (!nextColumn) return;
            setStatus(next);
            const index = nextColumn.findIndex((item) => item.id === task.id);
            setPlace(index > 0 ? nextColumn[index - 1]!.id : TOP);
          }}
          options={statuses.map((value) => ({ value: value.id, label: value.name }))}
        />
        <SelectField
          name="place"
          label="Position"
          value={place}
          onChange={(event) => {
            setPlace(event.target.value);
          }}
          options={options}
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="danger" className="mr-auto" onClick={onDelete} data-testid="card-delete">
            Delete task
          </Button>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">Move</Button>
        </div>
      </form>
    </Dialog>
  );
}
