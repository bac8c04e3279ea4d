import type { TRPCLink } from "@trpc/client";
import type { AppRouter } from "@tesseract/api";
import { lazyLink } from "./lazy-link.ts";
import { apiLinks, STARTING_RETRY } from "./links.ts";

/** Same origin as the page (the session cookie stays first-party); src/proxy.ts forwards it. */
export const TRPC_PATH = "/trpc";

let live: Promise<TRPCLink<AppRouter>> | undefined;

/** The tab's one live link (one WebSocket), loaded with its first subscription. */
function loadLiveLink(): Promise<TRPCLink<AppRouter>> {
  live ??= import("./live-link.ts").then(({ liveLink, sameOriginSocketUrl }) =>
    liveLink({
      wsUrl: sameOriginSocketUrl(window.location),
      httpUrl: TRPC_PATH,
      onFallback: () => {
        console.warn("Live updates: no WebSocket through this origin; using SSE streams instead");
      },
    }),
  );
  return live;
}

/** The links every client in the browser uses: queries and mutations over HTTP, live updates lazily. */
export function browserLinks(): TRPCLink<AppRouter>[] {
  return apiLinks(TRPC_PATH, {
    maxAttempts: STARTING_RETRY.browserAttempts,
    subscriptions: lazyLink(loadLiveLink),
  });
}
