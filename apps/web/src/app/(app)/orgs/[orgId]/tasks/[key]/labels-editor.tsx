"use client";

import { useState } from "react";
import { controlClasses, FieldError } from "~/components/forms/field.tsx";
import { parseLabels } from "~/lib/tasks.ts";
import type { TaskSaver } from "./use-update-task.ts";

/** Labels as removable chips, and a field that adds one (or several, comma-separated) on Enter. */
export function LabelsEditor({ labels, saver }: { labels: string[]; saver: TaskSaver }) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const added = parseLabels(draft);
    if (added.length === 0) return;
    const problem = saver.save({ labels: [...labels, ...added] });
    setError(problem);
    if (!problem) setDraft("");
  };

  return (
    <div className="space-y-1.5">
      <label
        htmlFor="field-labels"
        className="text-xs font-medium text-zinc-500 dark:text-zinc-400"
      >
        Labels
      </label>
      {labels.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label="Current labels">
          {labels.map((label) => (
            <li
              key={label}
              className="inline-flex max-w-full items-center gap-0.5 rounded-md bg-zinc-200/70 py-0.5 pr-0.5 pl-1.5 text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"
            >
              <span className="truncate">{label}</span>
              <button
                type="button"
                aria-label={`Remove label ${label}`}
                onClick={() => {
                  setError(saver.save({ labels: labels.filter((l) => l !== label) }));
                }}
                className="grid size-4 place-items-center rounded text-zinc-500 hover:bg-zinc-300 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-50"
              >
                <svg aria-hidden="true" viewBox="0 0 16 16" fill="currentColor" className="size-3">
                  <path d="M4.28 3.22a.75.75 0 0 0-1.06 1.06L6.94 8l-3.72 3.72a.75.75 0 1 0 1.06 1.06L8 9.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L9.06 8l3.72-3.72a.75.75 0 0 0-1.06-1.06L8 6.94 4.28 3.22Z" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id="field-labels"
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            add();
          }
        }}
        placeholder="Add a label, press Enter"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "field-labels-error" : undefined}
        className={`block w-full ${controlClasses} py-1.5`}
      />
      {error ? <FieldError id="field-labels-error">{error}</FieldError> : null}
    </div>
  );
}
