"use client";

import { StatusHeading } from "./status-heading.tsx";

function digestOf(error: unknown): string | undefined {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") {
    return error.digest;
  }
  return undefined;
}

export default function StatusError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  return (
    <div className="space-y-8">
      <StatusHeading />
      <div
        role="alert"
        className="space-y-3 rounded-xl border border-rose-200 bg-rose-50 px-5 py-4 text-rose-900 dark:border-rose-500/20 dark:bg-rose-500/10 dark:text-rose-100"
      >
        <p className="font-semibold">The status could not be loaded</p>
        <p className="text-sm">
          The web app could not get an answer from the API server. Is it running? Start it with{" "}
          <code className="font-mono text-xs">pnpm dev</code> from the repository root; the web app
          expects it at <code className="font-mono text-xs">http://127.0.0.1:4000</code> unless{" "}
          <code className="font-mono text-xs">API_URL</code> says otherwise.
        </p>
        {digest ? <p className="text-xs opacity-70">Error reference: {digest}</p> : null}
        <button
          type="button"
          onClick={retry}
          className="rounded-lg bg-rose-700 px-3.5 py-1.5 text-sm font-medium text-white transition-colors hover:bg-rose-600 dark:bg-rose-500 dark:hover:bg-rose-400"
        >
          Try again
        </button>
      </div>
    </div>
  );
}
