"use client";

import type { QueryClient } from "@tanstack/react-query";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCReact } from "@trpc/react-query";
import type { AppRouter } from "@tesseract/api";
import type { ReactNode } from "react";
import { useState } from "react";
import { browserLinks } from "./browser-links.ts";
import { createQueryClient } from "./query-client.ts";

/** Typed React Query hooks for every procedure: `trpc.system.health.useQuery()`. */
export const trpc = createTRPCReact<AppRouter>();

type ReactClient = ReturnType<typeof trpc.createClient>;

let browserQueryClient: QueryClient | undefined;
let browserTrpcClient: ReactClient | undefined;

function getQueryClient(): QueryClient {
  // On the server every request gets its own client, so no user's data leaks into another's page.
  if (typeof window === "undefined") return createQueryClient();
  // In the browser keep one, so React suspending during the first render does not throw it away.
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

function getTrpcClient(): ReactClient {
  // Rendered on the server too, where nothing subscribes (the live link loads on first use).
  if (typeof window === "undefined") return trpc.createClient({ links: browserLinks() });
  // One per tab: the header's bell has a provider of its own (see notification-bell.tsx), and
  // both must share the cache and the live connection.
  browserTrpcClient ??= trpc.createClient({ links: browserLinks() });
  return browserTrpcClient;
}

/**
 * React Query and the tRPC hooks, for the signed-in app ((app)/layout.tsx) and the header's
 * bell: public pages do without (use-api-mutation.ts), which keeps both out of their
 * first-load JavaScript.
 */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(getTrpcClient);

  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
