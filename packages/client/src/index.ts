import type { AppRouter } from "@tesseract/api";
import { DEFAULT_MAX_BATCH_SIZE } from "@tesseract/validators/constants";
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  splitLink,
  type TRPCClient,
} from "@trpc/client";
import superjson from "superjson";

export type { AppRouter } from "@tesseract/api";
export { TRPCClientError } from "@trpc/client";

export interface TesseractClientOptions {
  /** The API server's base URL, e.g. http://localhost:4000 (the client adds /trpc). */
  url: string;
  /** An API token; sent as `Authorization: Bearer …`, never in the URL. */
  token?: string;
  /** Extra headers on every request (e.g. a cookie when forwarding a browser session). */
  headers?: Record<string, string>;
  /** Calls batched into one request; keep at or below the server's API_MAX_BATCH_SIZE. */
  maxBatchSize?: number;
  /** Send every call on its own request. */
  batch?: boolean;
  fetch?: typeof fetch;
}

export type TesseractClient = TRPCClient<AppRouter>;

/** The typed client for scripts and TypeScript apps: every procedure, with its input and output types. */
export function createTesseractClient(options: TesseractClientOptions): TesseractClient {
  const url = `${options.url.replace(/\/+$/, "")}/trpc`;
  const headers = () => ({
    ...options.headers,
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  });
  const common = {
    url,
    transformer: superjson,
    headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const single = httpLink(common);
  return createTRPCClient<AppRouter>({
    links: [
      options.batch === false
        ? single
        : splitLink({
            condition: (op) => op.context.skipBatch === true,
            true: single,
            false: httpBatchLink({
              ...common,
              maxItems: options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
            }),
          }),
    ],
  });
}
