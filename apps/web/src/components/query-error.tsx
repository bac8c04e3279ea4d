"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { signInPath } from "~/lib/safe-next.ts";

/** Why a piece of a page could not load, with a way forward. */
export function QueryError({
  error,
  title = "This could not be loaded",
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const pathname = usePathname();
  const { code, message } = describeApiError(error);
  return (
    <Alert tone="error" title={title}>
      <p>{message}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {code === "UNAUTHORIZED" ? (
          <Link
            href={signInPath(pathname) as Route}
            className="font-medium underline underline-offset-2"
          >
            Sign in again
          </Link>
        ) : onRetry ? (
          <Button size="sm" variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
      </div>
    </Alert>
  );
}
