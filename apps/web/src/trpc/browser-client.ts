import { createTRPCClient, type TRPCClient } from "@trpc/client";
import type { AppRouter } from "@tesseract/api";
import { browserLinks } from "./browser-links.ts";

export type BrowserClient = TRPCClient<AppRouter>;

let client: BrowserClient | undefined;

/**
 * A plain tRPC client for pages without React Query (sign-in, sign-up, the status page, the
 * header's sign-out): loaded with `import()` when first needed (see use-api-mutation.ts).
 */
export function browserClient(): BrowserClient {
  client ??= createTRPCClient<AppRouter>({ links: browserLinks() });
  return client;
}
