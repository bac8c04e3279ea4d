import { httpSubscriptionLink, type TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { EventSource } from "eventsource";
import superjson from "superjson";

/**
 * Subscriptions over Server-Sent Events (`live.*` procedures). Node has no EventSource, so the
 * `eventsource` package's is used; its `fetch` option carries the token as a header (never in the
 * URL). On a dropped connection it reconnects and tRPC resumes from the last event id.
 */
export function subscriptionLink<TRouter extends AnyRouter>(options: {
  url: string;
  headers: () => Record<string, string>;
  fetch: typeof fetch;
}): TRPCLink<TRouter> {
  return httpSubscriptionLink<TRouter, typeof EventSource>({
    url: options.url,
    transformer: superjson,
    EventSource,
    eventSourceOptions: () => ({
      fetch: (input, init) =>
        options.fetch(input, { ...init, headers: { ...init.headers, ...options.headers() } }),
    }),
  });
}
