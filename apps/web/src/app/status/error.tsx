"use client";

import { useEffect, useState } from "react";
import { Spinner } from "../../components/ui/spinner.tsx";
import { StatusHeading } from "./status-heading.tsx";

/** How often the page asks again while the API server does not answer. */
const RETRY_EVERY_MS = 3_000;
/** After this long without an answer, the API server is more likely down than starting. */
const STARTING_FOR_MS = 90_000;

function digestOf(error: unknown): string | undefined {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") {
    return error.digest;
  }
  return undefined;
}

/**
 * The status could not be rendered: the API server gave no answer. Right after `pnpm dev` or
 * `pnpm start` that is the usual case (the embedded database takes seconds to open), so the page
 * says "Starting…" and asks again by itself; only after a long silence does it say the API
 * server is not answering.
 */
export default function StatusError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  const [firstFailure] = useState(() => Date.now());
  const [now, setNow] = useState(firstFailure);
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      retry();
    }, RETRY_EVERY_MS);
    return () => {
      clearInterval(timer);
    };
  }, [retry]);
  const starting = now - firstFailure < STARTING_FOR_MS;

  return (
    <div className="space-y-8">
      <StatusHeading />
      {starting ? (
        <div
          role="status"
          className="flex items-center gap-3 rounded-xl border border-sky-200 bg-sky-50 px-5 py-4 text-sky-900 dark:border-sky-500/20 dark:bg-sky-500/10 dark:text-sky-100"
        >
          <Spinner />
          <div>
            <p className="font-semibold">Starting…</p>
            <p className="text-sm">
              The API server is not answering yet; it may still be starting. This page checks again
              every few seconds.
            </p>
          </div>
        </div>
      ) : (
        <div
          role="alert"
          className="space-y-3 rounded-xl border border-rose-200 bg-rose-50 px-5 py-4 text-rose-900 dark:border-rose-500/20 dark:bg-rose-500/10 dark:text-rose-100"
        >
          <p className="font-semibold">The API server is not answering</p>
          <p className="text-sm">
            The web app has had no answer from the API server for over a minute. Look for an error
            where it was started; the web app reaches it at{" "}
            <code className="font-mono text-xs">API_URL</code> (by default{" "}
            <code className="font-mono text-xs">http://127.0.0.1:4000</code>, or the port in{" "}
            <code className="font-mono text-xs">PORT</code>). This page keeps checking.
          </p>
          {digest ? <p className="text-xs opacity-70">Error reference: {digest}</p> : null}
        </div>
      )}
    </div>
  );
}
