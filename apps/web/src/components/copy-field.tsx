"use client";

import { useId, useRef, useState } from "react";
import { Button } from "./ui/button.tsx";

/** A read-only value with a copy button; selects the text when the clipboard is unavailable. */
export function CopyField({
  label,
  value,
  buttonLabel = "Copy",
  testId,
}: {
  label: string;
  value: string;
  buttonLabel?: string;
  testId?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState("copied");
    } catch {
      // Clipboard access needs a secure context and permission; selecting lets people copy by hand.
      input.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input
          ref={input}
          id={id}
          data-testid={testId}
          readOnly
          value={value}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {copyState === "copied" ? "Copied" : buttonLabel}
        </Button>
      </div>
      <p aria-live="polite" className="text-sm">
        {copyState === "failed"
          ? "Copying is blocked here; the text is selected, copy it by hand."
          : ""}
      </p>
    </div>
  );
}
