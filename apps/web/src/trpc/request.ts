import "server-only";

import { headers } from "next/headers";
import { cache } from "react";
import { env } from "~/env.ts";
import { REQUEST_PATH_HEADER } from "~/lib/request-path.ts";
import type { PageErrorOptions } from "./page-errors.ts";
import { throwForPage } from "./page-errors.ts";
import { createServerClient } from "./server-client.ts";

/**
 * The request's plain tRPC client, carrying the visitor's cookie to the API server (the web app
 * never runs API code). For server components that only read: pages whose client components
 * use React Query's hooks fetch through getApi() (server.tsx), which shares this client.
 */
export const getServerClient = cache(() => {
  // Read here, not inside a call: on a page Next would prerender, reading the request marks it
  // dynamic by throwing, and that must reach Next as it is, not wrapped in a tRPC error.
  const incoming = headers();
  return createServerClient(`${env.API_URL}/trpc`, () => incoming);
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
