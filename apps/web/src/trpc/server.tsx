import "server-only";

import { dehydrate } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { cache } from "react";
import { HydrateQueries } from "./hydrate-queries.tsx";
import { getServerClient } from "./request.ts";
import { serverHelpersFor } from "./server-helpers.ts";
import { getMe } from "./session.ts";

export { fetchForPage, loadForPage, requestedPath } from "./request.ts";

/**
 * The request's tRPC server-side helpers (`createServerSideHelpers` over an HTTP client):
 * `fetch`, `fetchInfinite`, `prefetch` and `prefetchInfinite` for every query, carrying the
 * visitor's cookie to the API server (the web app never runs API code). One per request, with
 * one QueryClient: what a server component fetches is cached under the key the browser's hooks
 * use, so a page asks for each thing once (its title and its body share one `task.get`), and
 * HydrateClient hands it all to the browser.
 */
export const getApi = cache(() => serverHelpersFor(getServerClient()));

/**
 * Sends what this request's server components fetched to the browser's QueryClient, whose
 * hooks then render it at once without asking again (data stays fresh for its staleTime).
 * Who is signed in goes too: getMe() reads it without React Query (session.ts), and the live
 * updates' hook reads `auth.me` from the cache.
 *
 * A query that a component above this boundary (a layout's header, say) already created in the
 * browser's cache is hydrated by HydrationBoundary in an effect, after the first render: the
 * page would first render without the data the server rendered with (React's hydration error
 * #418). HydrateQueries hydrates such a query at once when it has no data yet; still, layout
 * components should not ask for a page's prefetched queries before they need them.
 */
export async function HydrateClient({ children }: { children: ReactNode }) {
  const api = getApi();
  const me = await getMe().catch(() => null);
  if (me) api.queryClient.setQueryData(api.auth.me.queryOptions().queryKey, me);
  return <HydrateQueries state={dehydrate(api.queryClient)}>{children}</HydrateQueries>;
}
