import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/**
 * One factory for the browser's QueryClient and each server request's, so dehydration on the
 * server and hydration in the browser agree on the transformer (Dates survive the trip).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Long enough that data prefetched by a server component is still fresh when the client
        // hydrates, so the browser does not fetch it a second time on mount.
        staleTime: 30_000,
      },
      dehydrate: {
        serializeData: superjson.serialize,
        // Also send queries that are still in flight, so a server component may prefetch without
        // awaiting and the client picks the promise up.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: {
        deserializeData: superjson.deserialize,
      },
    },
  });
}
