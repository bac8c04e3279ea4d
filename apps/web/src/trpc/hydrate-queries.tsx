"use client";

import type { DehydratedState } from "@tanstack/react-query";
import { hydrate, HydrationBoundary, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useMemo } from "react";

/**
 * HydrationBoundary, plus one case it leaves to an effect: a prefetched query that is already
 * in the browser's cache but has never had data (created, disabled or not yet run, by a
 * component rendered above this boundary) is hydrated at once, during render, as a new query
 * would be. Left to the effect, the page's first render would lack the data the server rendered
 * with: a hydration mismatch (#418), after which React re-renders the page and drops what was
 * typed meanwhile. Queries that already hold data are left to HydrationBoundary's own rules.
 */
export function HydrateQueries({
  state,
  children,
}: {
  state: DehydratedState;
  children: ReactNode;
}) {
  const client = useQueryClient();
  useMemo(() => {
    const cache = client.getQueryCache();
    const empty = state.queries.filter((query) => {
      const existing = cache.get(query.queryHash);
      return (
        existing !== undefined &&
        existing.state.data === undefined &&
        existing.state.fetchStatus === "idle" &&
        query.state.data !== undefined
      );
    });
    if (empty.length > 0) hydrate(client, { mutations: [], queries: empty });
  }, [client, state]);
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}
