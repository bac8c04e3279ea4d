import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers.ts";

// Small limits, so a slow client is cut off within a couple of seconds.
const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
const MAX_CONNECTIONS = 4;

let server: TestServer;
let port: number;
beforeAll(async () => {
  server = await startTestServer({
    API_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    API_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    API_MAX_CONNECTIONS: String(MAX_CONNECTIONS),
  });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server.close();
});

interface Outcome {
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfterMs: number;
  received: string;
}

/** An ASCII string, one character at a time. */
const bytesOf = (text: string) => Array.from({ length: text.length }, (_, i) => text.charAt(i));

/** Opens a raw connection and resolves once it is connected. */
async function open(): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => undefined);
  await new Promise((resolve) => socket.once("connect", resolve));
  return socket;
}

/**
 * Connects and writes `parts` one at a time, `gapMs` apart, until the server closes the
 * connection (or the parts run out); resolves when the server has closed it.
 */
async function trickle(parts: string[], gapMs: number): Promise<Outcome> {
  const socket = await open();
  const started = performance.now();
  let received = "";
  socket.on("data", (chunk: Buffer) => {
    received += chunk.toString();
  });
  const closed = new Promise<number>((resolve) => {
    socket.once("close", () => {
      resolve(performance.now() - started);
    });
  });
  let isClosed = false;
  void closed.then(() => {
    isClosed = true;
  });
  for (const part of parts) {
    if (isClosed) break;
    socket.write(part);
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, gapMs))]);
  }
  const closedAfterMs = await closed;
  return { closedAfterMs, received };
}

describe("slow clients", () => {
  it("cuts off a client sending its headers byte by byte (slowloris)", async () => {
    const head = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${"a".repeat(400)}\r\n`;
    // 400 ms a byte: the whole head would take minutes.
    const outcome = await trickle(bytesOf(head), 400);
    expect(outcome.received).toContain("408");
    // Cut off near the headers deadline; the sweep runs at most every ~250 ms here, and a
    // loaded machine gets generous slack, but nowhere near the minutes the head would take.
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(outcome.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + 8_000);
  });

  it("cuts off a client trickling a request body", async () => {
    const body = JSON.stringify({ name: "x".repeat(200) });
    const head =
      "POST /trpc/probe.rename HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const outcome = await trickle([head, ...bytesOf(body)], 300);
    expect(outcome.received).toContain("408");
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(outcome.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 8_000);
  });
});

describe("connection cap", () => {
  it("closes connections over the cap at once, and serves normally once they are gone", async () => {
    const held = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => open()));
    // Each held connection has sent a request line, so the server has certainly accepted it.
    for (const socket of held) socket.write("GET /healthz HTTP/1.1\r\n");
    await expect.poll(countConnections).toBe(MAX_CONNECTIONS);

    const extra = await trickle(["GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"], 10_000);
    expect(extra.received).toBe("");
    expect(
      await server.api.metrics.valueOf(server.api.metrics.droppedConnections),
    ).toBeGreaterThanOrEqual(1);

    for (const socket of held) socket.destroy();
    await expect.poll(countConnections).toBe(0);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });
});

function countConnections(): Promise<number> {
  return new Promise((resolve, reject) => {
    server.api.server.getConnections((error, count) => {
      if (error) reject(error);
      else resolve(count);
    });
  });
}
