import type { TRPCClient } from "@trpc/client";
import { createServerSideHelpers } from "@trpc/react-query/server";
import type { AppRouter } from "@tesseract/api";
import { createQueryClient } from "./query-client.ts";
import { createServerClient } from "./server-client.ts";

export { forwardedHeaders } from "./server-client.ts";

/**
 * tRPC's server-side helpers over a request's client, with a QueryClient of their own (so no
 * visitor's data reaches another's page). What they fetch is cached under the keys the
 * browser's hooks use.
 */
export function serverHelpersFor(client: TRPCClient<AppRouter>) {
  return createServerSideHelpers<AppRouter>({ client, queryClient: createQueryClient() });
}

/** The helpers for one page request, over HTTP to the API server at `url` (see server-client.ts). */
export function createServerHelpers(url: string, requestHeaders: () => Promise<Headers>) {
  return serverHelpersFor(createServerClient(url, requestHeaders));
}
