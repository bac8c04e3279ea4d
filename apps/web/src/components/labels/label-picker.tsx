"use client";

import type { TaskLabel } from "@tesseract/validators";
import { useId, useState } from "react";
import { controlClasses, FieldError } from "~/components/forms/field.tsx";
import { loadedSchema } from "~/components/forms/schemas.ts";
import { LabelChip } from "~/components/tasks/task-badges.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { labelDotClasses } from "~/lib/label-colours.ts";
import { useHydrated } from "~/lib/use-hydrated.ts";
import { trpc } from "~/trpc/react.tsx";

/** How many suggestions show under the field at once. */
const SUGGESTIONS = 8;

/**
 * Picks a task's labels from the organization's: the chosen ones as removable chips, a field
 * that filters the rest (Enter takes the exact or first match), and — for those who may — a
 * "Create" choice when no label has the typed name.
 */
export function LabelPicker({
  orgId,
  inputId,
  selected,
  onChange,
  canCreate,
  error,
}: {
  orgId: string;
  inputId?: string;
  selected: readonly TaskLabel[];
  onChange: (labels: TaskLabel[]) => void;
  canCreate: boolean;
  error?: string | null | undefined;
}) {
  const generatedId = useId();
  const id = inputId ?? generatedId;
  const listId = `${id}-suggestions`;
  const errorId = `${id}-error`;
  const hydrated = useHydrated();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const labels = trpc.label.list.useQuery({ orgId });
  const create = trpc.label.create.useMutation({
    onSuccess: (label) => {
      void utils.label.list.invalidate({ orgId });
      add(label);
    },
    onError: (err) => {
      const info = describeApiError(err);
      setProblem(info.fieldErrors.name ?? info.message);
    },
  });

  const chosen = new Set(selected.map((label) => label.id));
  const wanted = draft.trim().toLowerCase();
  const all = labels.data ?? [];
  const matches = all.filter(
    (label) =>
      !chosen.has(label.id) && (wanted === "" || label.name.toLowerCase().includes(wanted)),
  );
  const exact = all.find((label) => label.name.toLowerCase() === wanted);
  const offerCreate = canCreate && wanted !== "" && !exact;

  function add(label: TaskLabel) {
    if (!chosen.has(label.id))
      onChange([...selected, { id: label.id, name: label.name, colour: label.colour }]);
    setDraft("");
    setProblem(null);
  }
  function createNamed(name: string) {
    const input = { orgId, name };
    // The API's own schema says what is wrong at once, when it has loaded.
    const parsed = loadedSchema("createLabelInput")?.safeParse(input);
    if (parsed?.success === false)
      setProblem(parsed.error.issues[0]?.message ?? "Check the label's name");
    else create.mutate(input);
  }
  function submitDraft() {
    if (wanted === "") return;
    const pick = exact ?? matches[0];
    if (exact && chosen.has(exact.id)) setDraft("");
    else if (pick && (exact || !canCreate)) add(pick);
    else if (offerCreate) createNamed(draft.trim());
    else setProblem(`No label named "${draft.trim()}"`);
  }
  const shown = error ?? problem;

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
        Labels
      </label>
      {selected.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label="Current labels">
          {selected.map((label) => (
            <li key={label.id} className="max-w-full">
              <LabelChip label={label}>
                <button
                  type="button"
                  aria-label={`Remove label ${label.name}`}
                  onClick={() => {
                    onChange(selected.filter((l) => l.id !== label.id));
                  }}
                  className="-mr-1 grid size-4 place-items-center rounded hover:bg-black/10 dark:hover:bg-white/15"
                >
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 16 16"
                    fill="currentColor"
                    className="size-3"
                  >
                    <path d="M4.28 3.22a.75.75 0 0 0-1.06 1.06L6.94 8l-3.72 3.72a.75.75 0 1 0 1.06 1.06L8 9.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L9.06 8l3.72-3.72a.75.75 0 0 0-1.06-1.06L8 6.94 4.28 3.22Z" />
                  </svg>
                </button>
              </LabelChip>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        // Disabled in the server's HTML: text typed before hydration would be dropped.
        disabled={!hydrated}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            submitDraft();
          } else if (event.key === "Escape" && draft) {
            event.preventDefault();
            setDraft("");
          }
        }}
        placeholder={
          canCreate ? "Find or create a label, press Enter" : "Find a label, press Enter"
        }
        autoComplete="off"
        // The suggestions exist only while something is typed; a reference must name an element.
        aria-controls={wanted !== "" ? listId : undefined}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? errorId : undefined}
        className={`block w-full ${controlClasses} py-1.5`}
      />
      {labels.isError ? (
        <FieldError id={`${id}-load-error`}>
          Labels could not be loaded ({describeApiError(labels.error).message}).
        </FieldError>
      ) : null}
      {wanted !== "" ? (
        <ul id={listId} aria-label="Matching labels" className="flex flex-wrap gap-1">
          {matches.slice(0, SUGGESTIONS).map((label) => (
            <li key={label.id}>
              <button
                type="button"
                onClick={() => {
                  add(label);
                }}
                className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-1.5 py-0.5 text-xs text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
              >
                <span
                  aria-hidden="true"
                  className={`size-2 rounded-full ${labelDotClasses[label.colour]}`}
                />
                Add {label.name}
              </button>
            </li>
          ))}
          {offerCreate ? (
            <li>
              <button
                type="button"
                disabled={create.isPending}
                onClick={() => {
                  createNamed(draft.trim());
                }}
                className="inline-flex items-center rounded-md border border-dashed border-indigo-400 px-1.5 py-0.5 text-xs text-indigo-700 hover:bg-indigo-50 disabled:opacity-60 dark:border-indigo-400/60 dark:text-indigo-300 dark:hover:bg-indigo-500/10"
              >
                {create.isPending ? "Creating…" : `Create label "${draft.trim()}"`}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
      {shown ? <FieldError id={errorId}>{shown}</FieldError> : null}
    </div>
  );
}
