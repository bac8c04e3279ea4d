import type { AppRouter } from "@tesseract/api";
import type { DomainEvent } from "@tesseract/validators";
import {
  createTRPCClient,
  createWSClient,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  wsLink,
  type TRPCClientErrorLike,
} from "@trpc/client";
import { randomUUID } from "node:crypto";
import type { Unsubscribable } from "@trpc/server/observable";
import { EventSource } from "eventsource";
import superjson from "superjson";
import { WebSocket } from "ws";

export type Headers = Record<string, string>;

/** A typed client whose subscriptions go over WebSocket (with these headers on the upgrade). */
export function wsClient(url: string, headers: Headers) {
  const socket = createWSClient({
    url: `${url.replace(/^http/, "ws")}/trpc`,
    // Node's ws takes headers as an option; browsers send the cookie by themselves.
    WebSocket: class extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    } as unknown as typeof globalThis.WebSocket,
    retryDelayMs: () => 60_000,
  });
  const client = createTRPCClient<AppRouter>({
    links: [wsLink({ client: socket, transformer: superjson })],
  });
  return { client, close: () => socket.close() };
}

/** A typed client: queries and mutations over HTTP, subscriptions over SSE. */
export function httpClient(url: string, headers: Headers) {
  const withHeaders: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as Headers | undefined), ...headers } });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          transformer: superjson,
          EventSource,
          eventSourceOptions: { fetch: withHeaders },
        }),
        false: httpLink({ url: `${url}/trpc`, transformer: superjson, headers }),
      }),
    ],
  });
}

export interface Watcher {
  /** The next event received (already received, or to come). */
  next(): Promise<{ id: string; data: DomainEvent }>;
  /** Settles with the error that ended the stream. */
  ended: Promise<TRPCClientErrorLike<AppRouter>>;
  stop(): void;
}

type Subscribe = (handlers: {
  onData(value: { id: string; data: DomainEvent }): void;
  onError(error: TRPCClientErrorLike<AppRouter>): void;
}) => Unsubscribable;

/** Collects a subscription's events for a test to await one by one. */
export function watch(subscribe: Subscribe): Watcher {
  const received: { id: string; data: DomainEvent }[] = [];
  const waiting: ((value: { id: string; data: DomainEvent }) => void)[] = [];
  let fail!: (error: TRPCClientErrorLike<AppRouter>) => void;
  const ended = new Promise<TRPCClientErrorLike<AppRouter>>((resolve) => {
    fail = resolve;
  });
  const subscription = subscribe({
    onData(value) {
      const waiter = waiting.shift();
      if (waiter) waiter(value);
      else received.push(value);
    },
    onError: fail,
  });
  return {
    next: () => {
      const first = received.shift();
      return first ? Promise.resolve(first) : new Promise((resolve) => waiting.push(resolve));
    },
    ended,
    stop: () => {
      subscription.unsubscribe();
    },
  };
}

/** Reads events until one of `type` arrives (skipping others), and returns it. */
export async function nextOf<T extends DomainEvent["type"]>(
  watcher: Watcher,
  type: T,
): Promise<{ id: string; data: Extract<DomainEvent, { type: T }> }> {
  for (;;) {
    const event = await watcher.next();
    if (event.data.type === type)
      return event as { id: string; data: Extract<DomainEvent, { type: T }> };
  }
}

/** Reads events until the task event of `type` about `taskId` arrives (a subscription from the
 * buffer's start also replays earlier tests' tasks). */
export async function taskEvent<T extends "task.created" | "task.updated" | "task.moved">(
  watcher: Watcher,
  type: T,
  taskId: string,
): Promise<{ id: string; data: Extract<DomainEvent, { type: T }> }> {
  for (;;) {
    const event = await nextOf(watcher, type);
    if ((event.data as { task: { id: string } }).task.id === taskId) return event;
  }
}

/** Signs a new person up through `url` (an API server or the web origin); their cookie. */
export async function signUpThrough(url: string, origin: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.signUp`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({
      json: {
        name: "Live Newcomer",
        email: `live-${randomUUID()}@example.com`,
        password: "correct horse battery",
      },
    }),
  });
  if (res.status !== 200) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/**
 * Proves live updates reach a subscriber through `url` over both transports: a new
 * organization's first event (its project's creation), read from the buffer's start over a
 * WebSocket and over SSE.
 */
export async function expectLiveThrough(url: string, origin: string): Promise<void> {
  const headers = { cookie: await signUpThrough(url, origin), origin };
  const http = httpClient(url, headers);
  const org = await http.org.create.mutate({ name: "Live through the web" });
  const project = await http.project.create.mutate({ orgId: org.id, name: "Proxied", key: "PRX" });
  const socket = wsClient(url, headers);
  const input = { orgId: org.id, lastEventId: "0-0" };
  const watchers = [
    watch((handlers) => socket.client.live.org.subscribe(input, handlers)),
    watch((handlers) => http.live.org.subscribe(input, handlers)),
  ];
  try {
    for (const watcher of watchers) {
      const event = await Promise.race([
        nextOf(watcher, "project.created"),
        watcher.ended.then((error) => {
          throw new Error(`live stream through ${url} ended: ${error.message}`);
        }),
      ]);
      if (event.data.project.id !== project.id) throw new Error("another project's event");
    }
  } finally {
    for (const watcher of watchers) watcher.stop();
    await socket.close();
  }
}
