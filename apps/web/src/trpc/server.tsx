import "server-only";

import { dehydrate } from "@tanstack/react-query";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { cache } from "react";
import { env } from "~/env.ts";
import { REQUEST_PATH_HEADER } from "~/lib/request-path.ts";
import type { PageErrorOptions } from "./page-errors.ts";
import { throwForPage } from "./page-errors.ts";
import { HydrateQueries } from "./hydrate-queries.tsx";
import { createServerHelpers } from "./server-helpers.ts";

/**
 * The request's tRPC server-side helpers (`createServerSideHelpers` over an HTTP client):
 * `fetch`, `fetchInfinite`, `prefetch` and `prefetchInfinite` for every query, carrying the
 * visitor's cookie to the API server (the web app never runs API code). One per request, with
 * one QueryClient: what a server component fetches is cached under the key the browser's hooks
 * use, so a page asks for each thing once (its title and its body share one `task.get`), and
 * HydrateClient hands it all to the browser.
 */
export const getApi = cache(() => {
  // Read here, not inside a call: on a page Next would prerender, reading the request marks it
  // dynamic by throwing, and that must reach Next as it is, not wrapped in a tRPC error.
  const incoming = headers();
  return createServerHelpers(`${env.API_URL}/trpc`, () => incoming);
});

/** The page the visitor asked for (set by src/proxy.ts), for return links. */
export async function requestedPath(): Promise<string | null> {
  return (await headers()).get(REQUEST_PATH_HEADER);
}

/**
 * Awaits one thing a page needs from the API (`getApi().task.get.fetch(…)`) and makes a refusal
 * the page's answer (see throwForPage): a sign-in, a 404, or the route's error.tsx.
 */
export async function fetchForPage<T>(
  load: Promise<T>,
  options: Omit<PageErrorOptions, "requestedPath"> = {},
): Promise<T> {
  try {
    return await load;
  } catch (error) {
    throwForPage(error, { ...options, requestedPath: await requestedPath() });
  }
}

/**
 * Awaits everything a page hands to its client components (`api.x.fetch(…)`,
 * `api.x.fetchInfinite(…)`), so it is in the request's cache when HydrateClient sends it, and
 * fails the page as fetchForPage does — never client components rendering without their data.
 * (`prefetch` would swallow the failure.)
 */
export async function loadForPage(...loads: Promise<unknown>[]): Promise<void> {
  await fetchForPage(Promise.all(loads));
}

/**
 * Sends what this request's server components fetched to the browser's QueryClient, whose
 * hooks then render it at once without asking again (data stays fresh for its staleTime).
 *
 * A query that a component above this boundary (a layout's header, say) already created in the
 * browser's cache is hydrated by HydrationBoundary in an effect, after the first render: the
 * page would first render without the data the server rendered with (React's hydration error
 * #418). HydrateQueries hydrates such a query at once when it has no data yet; still, layout
 * components should not ask for a page's prefetched queries before they need them.
 */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrateQueries state={dehydrate(getApi().queryClient)}>{children}</HydrateQueries>;
}
