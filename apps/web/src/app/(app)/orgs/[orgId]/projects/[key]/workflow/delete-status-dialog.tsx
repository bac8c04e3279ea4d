"use client";

import { useState } from "react";
import { SelectField } from "~/components/forms/select-field.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Dialog } from "~/components/ui/dialog.tsx";
import type { BoardStatus } from "../use-board-columns.ts";

/** Deleting a status: its tasks move to another status of the project, chosen here. */
export function DeleteStatusDialog({
  status,
  statuses,
  onDelete,
  onClose,
}: {
  status: BoardStatus;
  statuses: BoardStatus[];
  onDelete: (moveTasksTo: string) => void;
  onClose: () => void;
}) {
  const others = statuses.filter((other) => other.id !== status.id);
  // The nearest choice: another status of the same category, else the first.
  const initial = others.find((other) => other.category === status.category) ?? others[0];
  const [target, setTarget] = useState(initial?.id ?? "");
  const count = status.taskCount;
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Delete ${status.name}`}
      description={
        count === 0
          ? "No task has this status."
          : `Its ${count === 1 ? "task moves" : `${count} tasks move`} to the status you choose.`
      }
      testId="delete-status-dialog"
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (target) onDelete(target);
        }}
      >
        <SelectField
          name="moveTasksTo"
          label="Move tasks to"
          value={target}
          onChange={(event) => {
            setTarget(event.target.value);
          }}
          options={others.map((other) => ({ value: other.id, label: other.name }))}
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger">
            Delete status
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
