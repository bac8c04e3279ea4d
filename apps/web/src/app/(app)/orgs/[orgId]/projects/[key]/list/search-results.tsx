"use client";

import { keepPreviousData } from "@tanstack/react-query";
import type { Route } from "next";
import { useState } from "react";
import { HighlightedText } from "~/components/highlighted-text.tsx";
import { QueryError } from "~/components/query-error.tsx";
import { StatusBadge } from "~/components/tasks/task-badges.tsx";
import { LoadMore } from "~/components/load-more.tsx";
import { Spinner } from "~/components/ui/spinner.tsx";
import type { TaskFilters } from "~/lib/task-filters.ts";
import { isTaskStatus } from "~/lib/tasks.ts";
import { trpc } from "~/trpc/react.tsx";
import { IntentLink } from "~/components/intent-link.tsx";

const MIN_QUERY = 2;

const SEARCH_PAGE_SIZE = 20;

/** The search's input: this project (or every project) and the list's active filters. */
function searchInput(orgId: string, projectId: string | null, query: string, filters: TaskFilters) {
  return {
    orgId,
    query,
    limit: SEARCH_PAGE_SIZE,
    ...(projectId ? { projectId } : {}),
    ...(filters.status.length ? { status: filters.status } : {}),
    ...(filters.statusIds.length ? { statusIds: filters.statusIds } : {}),
    ...(filters.priority.length ? { priority: filters.priority } : {}),
    ...(filters.assignee ? { assigneeId: filters.assignee } : {}),
    ...(filters.label ? { labelId: filters.label } : {}),
  };
}

/**
 * Full-text hits in this project, narrowed by the list's filters, matches marked (the API sends
 * plain segments), page after page; one click widens the search to every project.
 */
export function SearchResults({
  orgId,
  projectId,
  query,
  filters,
}: {
  orgId: string;
  projectId: string;
  query: string;
  filters: TaskFilters;
}) {
  const [isOrgWide, setOrgWide] = useState(false);
  const isLongEnough = query.length >= MIN_QUERY;
  const search = trpc.task.search.useInfiniteQuery(
    searchInput(orgId, isOrgWide ? null : projectId, query, filters),
    {
      enabled: isLongEnough,
      placeholderData: keepPreviousData,
      getNextPageParam: (last, pages) =>
        last.length === SEARCH_PAGE_SIZE ? pages.reduce((n, page) => n + page.length, 0) : null,
    },
  );
  const seen = new Set<string>();
  const hits = (search.data?.pages ?? []).flat().filter((hit) => {
    if (seen.has(hit.id)) return false;
    seen.add(hit.id);
    return true;
  });
  const where = isOrgWide ? "all projects" : "this project";

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
  } else if (hits.length === 0) {
    body = (
      <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">
        Nothing in {where} matches “{query}” with these filters. Try fewer or other words; “quotes”
        match a phrase and -word excludes one.
      </p>
    );
  } else {
    body = (
      <>
        <ol data-testid="search-results" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {hits.map((hit) => (
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
        <div className="border-t border-zinc-200 px-4 py-2 dark:border-zinc-800">
          <LoadMore
            query={search}
            layout="start"
            label="More results"
            errorTitle="More results could not be loaded"
            endText="That is every match."
          />
        </div>
      </>
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
        <span className="grow">
          {search.data && isLongEnough
            ? `${hits.length}${search.hasNextPage ? "+" : ""} ${hits.length === 1 ? "result" : "results"} for “${query}” in ${where}`
            : `Search ${where} for “${query}”`}
        </span>
        {search.isFetching && !search.isPending ? <Spinner className="size-3.5" /> : null}
        <button
          type="button"
          aria-pressed={isOrgWide}
          onClick={() => {
            setOrgWide(!isOrgWide);
          }}
          className="text-xs font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-300"
        >
          {isOrgWide ? "Search this project only" : "Search all projects"}
        </button>
      </h2>
      {body}
    </section>
  );
}
