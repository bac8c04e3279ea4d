import { createTRPCClient } from "@trpc/client";
import type { AppRouter } from "@tesseract/api";
import { describe, expect, it } from "vitest";
import { liveLink, OPENS_BEFORE_FALLBACK, sameOriginSocketUrl } from "./live-link.ts";

/** A WebSocket that never opens, as behind a proxy that does not pass upgrades. */
class RefusedSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static opened = 0;
  readyState = 0;
  constructor() {
    super();
    RefusedSocket.opened += 1;
    setTimeout(() => {
      this.readyState = 3;
      this.dispatchEvent(new Event("error"));
      this.dispatchEvent(Object.assign(new Event("close"), { code: 1006 }));
    }, 1);
  }
  send() {
    throw new Error("not open");
  }
  close() {
    this.readyState = 3;
  }
}

/** Records the SSE streams opened instead. */
class RecordingEventSource extends EventTarget {
  static urls: string[] = [];
  readyState = 0;
  constructor(url: string) {
    super();
    RecordingEventSource.urls.push(url);
  }
  close() {
    this.readyState = 2;
  }
}

describe("liveLink", () => {
  it("names the page's own origin for the socket", () => {
    expect(sameOriginSocketUrl({ protocol: "https:", host: "app.example.com" })).toBe(
      "wss://app.example.com/trpc",
    );
    expect(sameOriginSocketUrl({ protocol: "http:", host: "localhost:3000" })).toBe(
      "ws://localhost:3000/trpc",
    );
  });

  it("moves a subscription to SSE once the socket has failed to open a few times", async () => {
    let fellBack = 0;
    const client = createTRPCClient<AppRouter>({
      links: [
        liveLink({
          wsUrl: "ws://web.test/trpc",
          httpUrl: "http://web.test/trpc",
          WebSocket: RefusedSocket as unknown as typeof WebSocket,
          EventSource: RecordingEventSource as unknown as typeof EventSource,
          onFallback: () => {
            fellBack += 1;
          },
        }),
      ],
    });
    const subscription = client.live.me.subscribe(undefined, {});
    await expect.poll(() => RecordingEventSource.urls.length, { timeout: 20_000 }).toBe(1);
    expect(fellBack).toBe(1);
    expect(RefusedSocket.opened).toBe(OPENS_BEFORE_FALLBACK);
    expect(new URL(RecordingEventSource.urls[0] ?? "").pathname).toBe("/trpc/live.me");
    subscription.unsubscribe();
  }, 30_000);
});
