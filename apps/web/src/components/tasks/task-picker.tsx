"use client";

import { TASK_KEY_PATTERN } from "@tesseract/validators/constants";
import { useEffect, useId, useState } from "react";
import { inputClasses } from "~/components/forms/field.tsx";
import { trpc } from "~/trpc/react.tsx";

export interface PickedTask {
  id: string;
  key: string;
  title: string;
}

/** The typed text, once typing paused: each keystroke does not start a search. */
function useSettled(value: string, delay = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, delay);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delay]);
  return settled;
}

/**
 * Finds a task of the organization by key (ENG-42) or by words of its title or description,
 * and hands the chosen one to `onPick`. Tasks in `exclude` are not offered.
 */
export function TaskPicker({
  orgId,
  label,
  exclude,
  onPick,
  disabled = false,
}: {
  orgId: string;
  label: string;
  exclude: readonly string[];
  onPick: (task: PickedTask) => void;
  disabled?: boolean;
}) {
  const inputId = useId();
  const [text, setText] = useState("");
  const query = useSettled(text.trim());
  const asKey = query.toUpperCase();
  const byKey = TASK_KEY_PATTERN.test(asKey);
  const keyed = trpc.task.get.useQuery({ orgId, ref: asKey }, { enabled: byKey, retry: false });
  const searched = trpc.task.search.useQuery(
    { orgId, query, limit: 8 },
    { enabled: !byKey && query.length >= 2, retry: false },
  );
  const options: PickedTask[] = byKey
    ? keyed.data
      ? [{ id: keyed.data.id, key: keyed.data.key, title: keyed.data.title }]
      : []
    : (searched.data ?? []).map((hit) => ({
        id: hit.id,
        key: hit.key,
        title: hit.title.map((part) => part.text).join(""),
      }));
  const offered = options.filter((task) => !exclude.includes(task.id));
  const searching = byKey ? keyed.isFetching : searched.isFetching;
  const showEmpty = query.length >= 2 && !searching && offered.length === 0;

  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
        {label}
      </label>
      <input
        id={inputId}
        value={text}
        disabled={disabled}
        onChange={(event) => {
          setText(event.target.value);
        }}
        placeholder="Type a key (ENG-42) or words of a title"
        autoComplete="off"
        className={`${inputClasses} py-1.5`}
      />
      {offered.length > 0 ? (
        <ul aria-label="Matching tasks" className="space-y-1">
          {offered.map((task) => (
            <li key={task.id}>
              <button
                type="button"
                disabled={disabled}
                onClick={() => {
                  onPick(task);
                  setText("");
                }}
                className="flex w-full items-baseline gap-2 rounded-md px-2 py-1 text-left text-sm hover:bg-zinc-100 disabled:opacity-60 dark:hover:bg-zinc-800"
              >
                <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
                  {task.key}
                </span>{" "}
                <span className="truncate text-zinc-900 dark:text-zinc-100">{task.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {showEmpty ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">No matching task.</p>
      ) : null}
    </div>
  );
}
