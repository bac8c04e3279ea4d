"use client";

import { QueryError } from "~/components/query-error.tsx";
import { Button } from "~/components/ui/button.tsx";

/** What LoadMore needs of a paged list's query (tRPC's `useInfiniteQuery` result). */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}

const layouts = {
  /** Under a page-wide list. */
  center: { wrapper: "flex justify-center", size: "md", variant: "secondary", button: "" },
  /** Under a list inside a section. */
  start: { wrapper: "", size: "sm", variant: "secondary", button: "" },
  /** At the foot of a narrow column. */
  fill: { wrapper: "px-2 pb-2", size: "sm", variant: "ghost", button: "w-full" },
} as const;

/**
 * The foot of every paged list: a button that fetches the next page (busy while it loads), why
 * the next page failed with a way to retry, and optionally a line saying the list is complete.
 */
export function LoadMore({
  query,
  label = "Load more",
  context,
  errorTitle,
  endText,
  layout = "center",
}: {
  query: PagedQuery;
  label?: string;
  /** Said to screen readers after the label, when several lists share a page ("in Done"). */
  context?: string;
  errorTitle: string;
  /** Shown once every page is loaded. */
  endText?: string;
  layout?: keyof typeof layouts;
}) {
  const style = layouts[layout];
  const fetchNext = () => void query.fetchNextPage();
  return (
    <>
      {query.isFetchNextPageError ? (
        <div className={layout === "fill" ? style.wrapper : ""}>
          <QueryError error={query.error} title={errorTitle} onRetry={fetchNext} />
        </div>
      ) : null}
      {query.hasNextPage ? (
        <div className={style.wrapper}>
          <Button
            size={style.size}
            variant={style.variant}
            className={style.button}
            pending={query.isFetchingNextPage}
            onClick={fetchNext}
          >
            {query.isFetchingNextPage ? "Loading…" : label}
            {context ? <span className="sr-only"> {context}</span> : null}
          </Button>
        </div>
      ) : endText ? (
        <p className="text-center text-sm text-zinc-500 dark:text-zinc-400">{endText}</p>
      ) : null}
    </>
  );
}
