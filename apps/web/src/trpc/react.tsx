"use client";

import type { QueryClient } from "@tanstack/react-query";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCReact } from "@trpc/react-query";
import type { AppRouter } from "@tesseract/api";
import type { ReactNode } from "react";
import { useState } from "react";
import { apiLinks, STARTING_RETRY } from "./links.ts";
import { liveLink, sameOriginSocketUrl } from "./live-link.ts";
import { createQueryClient } from "./query-client.ts";

/** Typed React Query hooks for every procedure: `trpc.system.health.useQuery()`. */
export const trpc = createTRPCReact<AppRouter>();

/** Same origin as the page (the session cookie stays first-party); src/proxy.ts forwards it. */
const TRPC_PATH = "/trpc";

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // On the server every request gets its own client, so no user's data leaks into another's page.
  if (typeof window === "undefined") return createQueryClient();
  // In the browser keep one, so React suspending during the first render does not throw it away.
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

function browserLiveLink() {
  return liveLink({
    wsUrl: sameOriginSocketUrl(window.location),
    httpUrl: TRPC_PATH,
    onFallback: () => {
      console.warn("Live updates: no WebSocket through this origin; using SSE streams instead");
    },
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    trpc.createClient({
      links: apiLinks(TRPC_PATH, {
        maxAttempts: STARTING_RETRY.browserAttempts,
        // Rendered on the server too, where nothing subscribes.
        ...(typeof window === "undefined" ? {} : { subscriptions: browserLiveLink() }),
      }),
    }),
  );

  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
