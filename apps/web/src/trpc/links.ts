import { httpBatchLink } from "@trpc/client";
import type { AppRouter } from "@tesseract/api";
import superjson from "superjson";

/** Must not exceed the API server's maxBatchSize (API_MAX_BATCH_SIZE, 10 by default). */
export const MAX_BATCH_ITEMS = 10;

/** The one way web talks to the API, from the browser and from server components alike. */
export function apiBatchLink(url: string, headers?: () => Record<string, string>) {
  return httpBatchLink<AppRouter>({
    url,
    transformer: superjson,
    maxItems: MAX_BATCH_ITEMS,
    ...(headers ? { headers } : {}),
  });
}
