"use client";

import { useRef, useState } from "react";
import { Button } from "~/components/ui/button.tsx";

/** The new token's secret, shown once: only its hash is kept, so it cannot be shown again. */
export function TokenSecret({
  name,
  secret,
  onDone,
}: {
  name: string;
  secret: string;
  onDone: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState("copied");
    } catch {
      // Clipboard access needs a secure context and permission; selecting lets people copy by hand.
      input.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <div
      role="status"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-50"
    >
      <p className="font-semibold">Copy the secret of “{name}” now</p>
      <p className="text-sm">
        It will not be shown again. Anyone who has it can act as you in this organization with the
        token’s role, so keep it somewhere safe.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-token-secret" className="sr-only">
          Token secret
        </label>
        <input
          ref={input}
          id="new-token-secret"
          data-testid="token-secret"
          readOnly
          value={secret}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
          className="min-w-0 flex-1 rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm text-zinc-900 dark:border-amber-500/30 dark:bg-zinc-950 dark:text-zinc-100"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {copyState === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      <p aria-live="polite" className="text-sm">
        {copyState === "failed"
          ? "Copying is blocked here; the secret is selected, copy it by hand."
          : ""}
      </p>
      <Button size="sm" variant="ghost" onClick={onDone}>
        I have saved it
      </Button>
    </div>
  );
}
