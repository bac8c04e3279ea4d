import { createTRPCClient } from "@trpc/client";
import { createServerSideHelpers } from "@trpc/react-query/server";
import type { AppRouter } from "@tesseract/api";
import { apiLinks, STARTING_RETRY } from "./links.ts";
import { createQueryClient } from "./query-client.ts";

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
 * tRPC's server-side helpers for one page request, over HTTP to the API server at `url` with
 * the request's forwarded headers, and a QueryClient of its own (so no visitor's data reaches
 * another's page). What they fetch is cached under the keys the browser's hooks use.
 */
export function createServerHelpers(url: string, requestHeaders: () => Promise<Headers>) {
  return createServerSideHelpers<AppRouter>({
    client: createTRPCClient<AppRouter>({
      links: apiLinks(url, {
        maxAttempts: STARTING_RETRY.serverAttempts,
        headers: async () => forwardedHeaders(await requestHeaders()),
      }),
    }),
    queryClient: createQueryClient(),
  });
}
