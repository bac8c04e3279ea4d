import {
  createWSClient,
  httpSubscriptionLink,
  wsLink,
  type Operation,
  type TRPCLink,
} from "@trpc/client";
import type { AppRouter } from "@tesseract/api";
import { observable, type Unsubscribable } from "@trpc/server/observable";
import superjson from "superjson";

/** Failed WebSocket opens in a row, with none ever open, before a tab falls back to SSE. */
export const OPENS_BEFORE_FALLBACK = 3;
/** How long the socket stays open with no subscription left (a page change mounts new ones). */
const IDLE_CLOSE_MS = 10_000;

export interface LiveLinkOptions {
  /** The WebSocket endpoint: the page's own origin, `ws(s)://<host>/trpc`. */
  wsUrl: string;
  /** The HTTP endpoint SSE falls back to (same origin, `/trpc`). */
  httpUrl: string;
  /** For tests outside a browser. */
  WebSocket?: typeof globalThis.WebSocket;
  EventSource?: typeof globalThis.EventSource;
  /** Told once, when the tab gives up on the WebSocket. */
  onFallback?: () => void;
}

/**
 * Every live subscription of a tab over ONE connection. A browser allows six HTTP/1.1
 * connections per origin across all its tabs, and an SSE stream holds one for as long as it is
 * open: a board (its project, presence and the person's own stream) took three, so two tabs
 * left ordinary queries waiting. A WebSocket is not counted against that limit, and tRPC
 * multiplexes every subscription of the tab over it (resuming each from its last event id when
 * the socket reconnects). The socket goes to the page's own origin (`/trpc`), which the web
 * server's proxy hands to the API server, upgrade included, so the session cookie stays
 * first-party and the API's Origin check sees the web origin.
 *
 * If the socket cannot be opened at all (something in front of the web server that does not
 * pass WebSocket upgrades), the tab falls back to SSE through the same origin: live updates keep
 * working, only at one connection per subscription. A socket that was open once is never given
 * up on: it reconnects (the API server restarting, say).
 */
export function liveLink(options: LiveLinkOptions): TRPCLink<AppRouter> {
  let fallenBack = false;
  let everOpen = false;
  let failedOpens = 0;
  const fallbackListeners = new Set<() => void>();

  const client = createWSClient({
    url: options.wsUrl,
    lazy: { enabled: true, closeMs: IDLE_CLOSE_MS },
    ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
    onOpen() {
      everOpen = true;
      failedOpens = 0;
    },
    onClose() {
      if (everOpen || fallenBack) return;
      failedOpens += 1;
      if (failedOpens < OPENS_BEFORE_FALLBACK) return;
      fallenBack = true;
      options.onFallback?.();
      for (const move of fallbackListeners) move();
      void client.close();
    },
  });

  return (runtime) => {
    const overSocket = wsLink<AppRouter>({ client, transformer: superjson })(runtime);
    const overSse = httpSubscriptionLink({
      url: options.httpUrl,
      transformer: superjson,
      ...(options.EventSource ? { EventSource: options.EventSource } : {}),
    })(runtime);
    return ({ op, next }) =>
      observable((observer) => {
        let current: Unsubscribable | undefined;
        const run = (link: typeof overSocket, operation: Operation) => {
          current?.unsubscribe();
          current = link({ op: operation, next }).subscribe(observer);
        };
        if (fallenBack) {
          run(overSse, op);
          return () => current?.unsubscribe();
        }
        const move = () => {
          fallbackListeners.delete(move);
          run(overSse, op);
        };
        fallbackListeners.add(move);
        run(overSocket, op);
        return () => {
          fallbackListeners.delete(move);
          current?.unsubscribe();
        };
      });
  };
}

/** The WebSocket endpoint on the page's own origin. */
export function sameOriginSocketUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/trpc`;
}
