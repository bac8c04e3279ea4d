"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { apiErrorCode, describeApiError } from "~/lib/api-error.ts";
import { signInPath } from "~/lib/safe-next.ts";
import { Alert } from "./ui/alert.tsx";
import { Button } from "./ui/button.tsx";

function digestOf(error: unknown): string | undefined {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") {
    return error.digest;
  }
  return undefined;
}

/**
 * A page that failed to render. An API answer that reached the browser (a refetch after the
 * session ended, say) is explained; a server-side failure arrives without its message in
 * production, so it says what is likely (the API did not answer) and offers a retry.
 */
export function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const pathname = usePathname();
  const digest = digestOf(error);
  const code = apiErrorCode(error);
  if (code === "UNAUTHORIZED") {
    return (
      <div className="mx-auto max-w-lg py-6">
        <Alert tone="warning" title="Your session has ended">
          <Link href={signInPath(pathname) as Route} className="underline underline-offset-2">
            Sign in again
          </Link>{" "}
          to continue where you were.
        </Alert>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg py-6">
      <Alert tone="error" title="This page could not be loaded">
        <p>
          {code === "NETWORK"
            ? "Tesseract could not get an answer from its API server. Try again in a moment; if it keeps happening, the status page may say why."
            : describeApiError(error).message}
        </p>
        {digest ? <p className="mt-2 text-xs opacity-70">Error reference: {digest}</p> : null}
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button size="sm" variant="secondary" onClick={retry}>
            Try again
          </Button>
          <Link href="/status" className="underline underline-offset-2">
            System status
          </Link>
        </div>
      </Alert>
    </div>
  );
}
