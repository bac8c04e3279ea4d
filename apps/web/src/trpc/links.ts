import {
  httpBatchLink,
  retryLink,
  splitLink,
  type TRPCClientError,
  type TRPCLink,
} from "@trpc/client";
import type { AppRouter } from "@tesseract/api";
import { DEFAULT_MAX_BATCH_SIZE } from "@tesseract/validators/wire";
import superjson from "superjson";
import { STARTING_RETRY } from "./retry-options.ts";

export { NO_STARTING_RETRY, STARTING_RETRY } from "./retry-options.ts";

/**
 * Whether a failed query is worth another try because the API server gave no answer at all: it
 * is still starting (the embedded database takes seconds to open) or restarting under `pnpm dev`.
 * Any tRPC answer (a validation error, a 500, a 503) is final, and so is a cancelled request.
 * Only queries are retried (see apiLinks).
 */
export function shouldRetryWhileStarting(
  error: TRPCClientError<AppRouter>,
  attempts: number,
  maxAttempts: number,
): boolean {
  if (attempts >= maxAttempts) return false;
  if (error.data !== undefined && error.data !== null) return false;
  const cause: unknown = error.cause;
  return !(cause instanceof Error && cause.name === "AbortError");
}

/** The one way web talks to the API, from the browser and from server components alike. */
export function apiLinks(
  url: string,
  options: {
    maxAttempts: number;
    headers?: () => Record<string, string> | Promise<Record<string, string>>;
    /**
     * Where subscriptions go: the browser's live link (one WebSocket per tab, loaded with the
     * first subscription: browser-links.ts), or an SSE stream of its own (httpSubscriptionLink)
     * elsewhere. Passed in, so the browser does not carry the SSE client in every page.
     */
    subscriptions: TRPCLink<AppRouter>;
  },
): TRPCLink<AppRouter>[] {
  return [
    retryLink<AppRouter>({
      // Never a mutation: a request that got no tRPC answer may still have reached the API and
      // run (a connection cut after sending), so sending it again could do the work twice. A
      // failed mutation is shown at once, with a message that says to try again in a moment.
      retry: ({ op, error, attempts }) =>
        op.type === "query" &&
        op.context.noStartingRetry !== true &&
        shouldRetryWhileStarting(error, attempts, options.maxAttempts),
      retryDelayMs: () => STARTING_RETRY.delayMs,
    }),
    splitLink<AppRouter>({
      condition: (op) => op.type === "subscription",
      true: options.subscriptions,
      false: httpBatchLink<AppRouter>({
        url,
        transformer: superjson,
        // No more calls a request than the API server accepts (API_MAX_BATCH_SIZE, by default).
        maxItems: DEFAULT_MAX_BATCH_SIZE,
        ...(options.headers ? { headers: options.headers } : {}),
      }),
    }),
  ];
}
