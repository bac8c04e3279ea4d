"use client";

import { keepPreviousData } from "@tanstack/react-query";
import type { Route } from "next";
import { HighlightedText } from "~/components/highlighted-text.tsx";
import { QueryError } from "~/components/query-error.tsx";
import { StatusBadge } from "~/components/tasks/task-badges.tsx";
import { Spinner } from "~/components/ui/spinner.tsx";
import { isTaskStatus } from "~/lib/tasks.ts";
import { trpc } from "~/trpc/react.tsx";
import { IntentLink } from "~/components/intent-link.tsx";

const MIN_QUERY = 2;

/** Full-text hits across the organization, matches marked (the API sends plain segments). */
export function SearchResults({ orgId, query }: { orgId: string; query: string }) {
  const isLongEnough = query.length >= MIN_QUERY;
  const search = trpc.task.search.useQuery(
    { orgId, query },
    { enabled: isLongEnough, placeholderData: keepPreviousData },
  );

  let body;
  if (!isLongEnough) {
    body = (
      <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">
        Type at least 2 characters to search.
      </p>
    );
  } else if (search.isPending) {
    body = (
      <p className="flex items-center gap-2 px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">
        <Spinner /> Searching…
      </p>
    );
  } else if (search.isError) {
    body = (
      <div className="p-3">
        <QueryError
          error={search.error}
          title="Search failed"
          onRetry={() => void search.refetch()}
        />
      </div>
    );
  } else if (search.data.length === 0) {
    body = (
      <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">
        Nothing matches “{query}”. Try fewer or other words; “quotes” match a phrase and -word
        excludes one.
      </p>
    );
  } else {
    body = (
      <ol data-testid="search-results" className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {search.data.map((hit) => (
          <li key={hit.id} data-testid={`search-hit-${hit.key}`}>
            <IntentLink
              href={`/orgs/${orgId}/tasks/${hit.key}` as Route}
              className="block space-y-1 px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/40"
            >
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
                  {hit.key}
                </span>
                <span className="text-sm font-medium">
                  <HighlightedText parts={hit.title} />
                </span>
                {isTaskStatus(hit.status) ? <StatusBadge status={hit.status} /> : null}
              </span>
              <span className="block text-sm text-zinc-600 dark:text-zinc-400">
                {hit.matchedIn === "comment" ? (
                  <span className="font-medium text-zinc-700 dark:text-zinc-300">
                    In a comment:{" "}
                  </span>
                ) : null}
                <HighlightedText parts={hit.snippet} />
              </span>
            </IntentLink>
          </li>
        ))}
      </ol>
    );
  }

  return (
    <section
      aria-labelledby="search-heading"
      aria-busy={search.isFetching || undefined}
      className="overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <h2
        id="search-heading"
        className="flex items-center gap-2 border-b border-zinc-200 px-4 py-2 text-sm font-medium dark:border-zinc-800"
      >
        {search.data && isLongEnough
          ? `${search.data.length === 20 ? "Top 20" : search.data.length} ${search.data.length === 1 ? "result" : "results"} for “${query}”`
          : `Search for “${query}”`}
        {search.isFetching && !search.isPending ? <Spinner className="size-3.5" /> : null}
      </h2>
      {body}
    </section>
  );
}
