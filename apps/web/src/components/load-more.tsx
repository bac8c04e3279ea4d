"use client";

import { QueryError } from "~/components/query-error.tsx";
import { Button } from "~/components/ui/button.tsx";

/** The foot of a paged list: why the next page failed (with a retry), or a button to load it. */
export function LoadMore({
  query,
  label,
  errorTitle,
}: {
  query: {
    error: unknown;
    isFetchNextPageError: boolean;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => Promise<unknown>;
  };
  label: string;
  errorTitle: string;
}) {
  return (
    <>
      {query.isFetchNextPageError ? (
        <QueryError
          error={query.error}
          title={errorTitle}
          onRetry={() => void query.fetchNextPage()}
        />
      ) : null}
      {query.hasNextPage ? (
        <Button
          size="sm"
          variant="secondary"
          pending={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? "Loading…" : label}
        </Button>
      ) : null}
    </>
  );
}
