"use client";

import { controlClasses } from "~/components/forms/field.tsx";
import { useDebouncedDraft } from "./debounced-input.ts";

export function SearchBox({ value, onCommit }: { value: string; onCommit: (q: string) => void }) {
  const { draft, setDraft, flush } = useDebouncedDraft(value, onCommit);
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        flush();
      }}
    >
      <label htmlFor="task-search" className="sr-only">
        Search tasks and comments
      </label>
      <div className="relative">
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="currentColor"
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400"
        >
          <path
            fillRule="evenodd"
            d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.08 3.08a.75.75 0 1 1-1.06 1.06l-3.08-3.08A7 7 0 0 1 2 9Z"
            clipRule="evenodd"
          />
        </svg>
        <input
          id="task-search"
          type="search"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
          }}
          placeholder="Search titles, descriptions and comments in this project"
          maxLength={200}
          autoComplete="off"
          className={`block w-full pl-9 ${controlClasses}`}
        />
      </div>
    </form>
  );
}
