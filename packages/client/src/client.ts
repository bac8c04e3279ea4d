import type { AppRouter } from "@tesseract/api";
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  splitLink,
  type HTTPHeaders,
  type Operation,
  type TRPCClient,
} from "@trpc/client";
import superjson from "superjson";
import { deferredLink, fetchMaxBatchSize } from "./batch-limit.ts";
import { idempotencyKeyLink, isIdempotentCreate } from "./idempotency.ts";
import { retryingFetch } from "./retrying-fetch.ts";
import { subscriptionLink } from "./subscriptions.ts";

export interface TesseractClientOptions {
  /** The API server's base URL, e.g. http://localhost:4000 (the client adds /trpc). */
  url: string;
  /** An API token; sent as `Authorization: Bearer …`, never in the URL. */
  token?: string;
  /** Extra headers on every request (e.g. a cookie when forwarding a browser session). */
  headers?: Record<string, string>;
  /** Calls batched into one request; by default the server's limit, read from `system.info`. */
  maxBatchSize?: number;
  /** `false` sends every call on its own request. */
  batch?: boolean;
  /** How long one HTTP attempt may take, in ms (default 30 000; 0: no limit). */
  timeoutMs?: number;
  /** Further attempts after a 429, a 503 or a network failure (default 3; see README). */
  retries?: number;
  /** The longest `Retry-After` the client waits for, in ms (default 30 000); longer ones fail. */
  maxRetryDelayMs?: number;
  fetch?: typeof fetch;
}

export type TesseractClient = TRPCClient<AppRouter>;

/** The typed client for scripts and TypeScript apps: every procedure, with its input and output types. */
export function createTesseractClient(options: TesseractClientOptions): TesseractClient {
  const url = `${options.url.replace(/\/+$/, "")}/trpc`;
  const fetchFn = retryingFetch(options.fetch ?? globalThis.fetch, {
    retries: options.retries ?? 3,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  const baseHeaders = (): Record<string, string> => ({
    ...options.headers,
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  });
  const common = { url, transformer: superjson, fetch: fetchFn };
  const single = httpLink<AppRouter>({
    ...common,
    headers: ({ op }): HTTPHeaders => {
      const key = op.context.idempotencyKey;
      return typeof key === "string" ? { ...baseHeaders(), "idempotency-key": key } : baseHeaders();
    },
  });
  const batched = deferredLink<AppRouter>(async () =>
    httpBatchLink({
      ...common,
      headers: baseHeaders,
      maxItems:
        options.maxBatchSize ??
        (await fetchMaxBatchSize(url, (input, init) =>
          fetchFn(input, { ...init, headers: baseHeaders() }),
        )),
    }),
  );
  const alone = (op: Operation) =>
    options.batch === false || op.context.skipBatch === true || isIdempotentCreate(op);
  return createTRPCClient<AppRouter>({
    links: [
      idempotencyKeyLink(),
      splitLink({
        condition: (op) => op.type === "subscription",
        true: subscriptionLink({ url, headers: baseHeaders, fetch: fetchFn }),
        false: splitLink({ condition: alone, true: single, false: batched }),
      }),
    ],
  });
}
