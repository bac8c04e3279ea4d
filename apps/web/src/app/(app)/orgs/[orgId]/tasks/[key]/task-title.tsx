"use client";

import { useState } from "react";
import { inputClasses } from "~/components/forms/field.tsx";
import { FieldError } from "~/components/forms/field.tsx";
import type { TaskDetail } from "~/components/tasks/types.ts";
import { Button } from "~/components/ui/button.tsx";
import type { TaskSaver } from "./use-update-task.ts";

/** The title, edited in place: Enter saves, Escape cancels. */
export function TaskTitle({
  task,
  saver,
  canEdit,
}: {
  task: TaskDetail;
  saver: TaskSaver;
  canEdit: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  const save = () => {
    if (draft === null) return;
    if (draft.trim() === task.title) {
      cancel();
      return;
    }
    const problem = saver.save({ title: draft });
    if (problem) setError(problem);
    else cancel();
  };

  if (draft !== null) {
    return (
      <form
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label htmlFor="task-title" className="sr-only">
          Title
        </label>
        <input
          id="task-title"
          value={draft}
          autoFocus
          onChange={(event) => {
            setDraft(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              cancel();
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "task-title-error" : undefined}
          className={`${inputClasses} text-lg font-semibold`}
        />
        {error ? <FieldError id="task-title-error">{error}</FieldError> : null}
        <div className="flex gap-2">
          <Button type="submit" size="sm">
            Save title
          </Button>
          <Button size="sm" variant="secondary" onClick={cancel}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="flex items-start gap-2">
      <h1
        data-testid="task-title"
        className="min-w-0 flex-1 text-2xl font-semibold tracking-tight break-words sm:text-3xl"
      >
        {task.title}
      </h1>
      {canEdit ? (
        <Button
          size="sm"
          variant="ghost"
          className="mt-1 shrink-0"
          onClick={() => {
            setDraft(task.title);
          }}
        >
          Edit<span className="sr-only"> title</span>
        </Button>
      ) : null}
    </div>
  );
}
