import { createTRPCClient, httpSubscriptionLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@tesseract/api";
import { apiLinks, STARTING_RETRY } from "./links.ts";

/**
 * The headers a server component's call to the API carries, taken from the page request: the
 * visitor's cookie (so the API sees the session it would see from the browser), the visitor's
 * address (as src/proxy.ts forwards it for /trpc calls; the API trusts it from loopback peers
 * such as this server), and the request id, so the API's log lines join the page's.
 */
export function forwardedHeaders(incoming: Headers): Record<string, string> {
  const forwarded: Record<string, string> = { "x-trpc-source": "rsc" };
  for (const name of ["cookie", "x-forwarded-for", "x-request-id"]) {
    const value = incoming.get(name);
    if (value) forwarded[name] = value;
  }
  return forwarded;
}

/**
 * A plain tRPC client for one page request, over HTTP to the API server at `url` with the
 * request's forwarded headers. It imports nothing of React Query, so server components that
 * only read (the header's `auth.me`, public pages) put no React Query code in their page's
 * JavaScript: a server module that imports `@tanstack/react-query` makes every client module
 * of it part of the page.
 */
export function createServerClient(
  url: string,
  requestHeaders: () => Promise<Headers>,
): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: apiLinks(url, {
      maxAttempts: STARTING_RETRY.serverAttempts,
      headers: async () => forwardedHeaders(await requestHeaders()),
      subscriptions: httpSubscriptionLink({ url, transformer: superjson }),
    }),
  });
}
