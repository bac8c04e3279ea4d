import { createTRPCClient, httpSubscriptionLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@tesseract/api";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { apiLinks, NO_STARTING_RETRY, shouldRetryWhileStarting, STARTING_RETRY } from "./links.ts";

const noAnswer = () =>
  new TRPCClientError<AppRouter>("fetch failed", { cause: new TypeError("fetch failed") });

describe("shouldRetryWhileStarting", () => {
  it("retries a call that got no answer from the API server, a bounded number of times", () => {
    expect(shouldRetryWhileStarting(noAnswer(), 1, 3)).toBe(true);
    expect(shouldRetryWhileStarting(noAnswer(), 3, 3)).toBe(false);
  });

  it("never retries an answer from the API, nor a cancelled call", () => {
    const answered = TRPCClientError.from<AppRouter>({
      error: { code: -32600, message: "bad", data: { code: "BAD_REQUEST", httpStatus: 400 } },
    } as never);
    expect(shouldRetryWhileStarting(answered, 1, 3)).toBe(false);
    const aborted = new TRPCClientError<AppRouter>("aborted", {
      cause: Object.assign(new Error("aborted"), { name: "AbortError" }),
    });
    expect(shouldRetryWhileStarting(aborted, 1, 3)).toBe(false);
  });
});

// A stand-in for the web's /trpc proxy while the API server is starting: it answers as Next does
// when the rewrite target refuses connections (a non-tRPC 500), then, once "started", as tRPC.
let calls = 0;
const server: Server = createServer((_req, res) => {
  calls += 1;
  if (calls < 3) {
    res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
    return;
  }
  res
    .writeHead(200, { "content-type": "application/json" })
    .end(JSON.stringify([{ result: { data: { json: { status: "ok" } } } }]));
});
afterAll(() => {
  server.close();
});

const sse = (port: number) =>
  httpSubscriptionLink({ url: `http://127.0.0.1:${port}/trpc`, transformer: superjson });

describe("apiLinks", () => {
  it("sends the call again until the API server answers", { timeout: 20_000 }, async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const client = createTRPCClient<AppRouter>({
      links: apiLinks(`http://127.0.0.1:${port}/trpc`, {
        maxAttempts: 5,
        subscriptions: sse(port),
      }),
    });
    // A probe that asks not to wait fails at once (the health board shows "unreachable").
    await expect(
      client.system.health.query(undefined, { context: NO_STARTING_RETRY }),
    ).rejects.toThrow();
    expect(calls).toBe(1);
    const started = Date.now();
    await expect(client.system.health.query()).resolves.toEqual({ status: "ok" });
    expect(calls).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(STARTING_RETRY.delayMs - 50);
  });

  it("never sends a mutation twice, even when it got no answer", async () => {
    calls = 0;
    const { port } = server.address() as AddressInfo;
    const client = createTRPCClient<AppRouter>({
      links: apiLinks(`http://127.0.0.1:${port}/trpc`, {
        maxAttempts: 5,
        subscriptions: sse(port),
      }),
    });
    await expect(client.auth.signOut.mutate(undefined as never)).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
