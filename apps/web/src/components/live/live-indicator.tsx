"use client";

import type { LiveState } from "./use-live-events.ts";

const LABELS: Record<LiveState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Connection lost, reconnecting…",
  lost: "Live updates stopped; reload the page",
};

const DOTS: Record<LiveState, string> = {
  connecting: "bg-zinc-400",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500 animate-pulse",
  lost: "bg-red-500",
};

/** Whether others' changes are arriving: said out loud when the connection drops and is back. */
export function LiveIndicator({ state }: { state: LiveState }) {
  return (
    <p
      role="status"
      data-testid="live-indicator"
      data-state={state}
      className="inline-flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400"
    >
      <span aria-hidden="true" className={`size-2 rounded-full ${DOTS[state]}`} />
      {LABELS[state]}
    </p>
  );
}
