import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { createServer, get, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOtlpFetchExporter, FetchTransport, retryAfterMs } from "./otlp-fetch-exporter.ts";

/** A collector whose answer each test sets; it keeps what it received. */
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
const received: { contentType: string | undefined; body: Buffer }[] = [];
const collector = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    received.push({ contentType: req.headers["content-type"], body: Buffer.concat(chunks) });
    answer(req, res);
  });
});
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
});
afterAll(async () => {
  collector.closeAllConnections();
  await new Promise((resolve) => collector.close(resolve));
});

/** Client requests made through node:http while `run` runs. */
async function nodeHttpRequestsDuring(run: () => Promise<void>): Promise<number> {
  let count = 0;
  const counted = () => count++;
  subscribe("http.client.request.start", counted);
  try {
    await run();
  } finally {
    unsubscribe("http.client.request.start", counted);
  }
  return count;
}

describe("the OTLP exporter over fetch", () => {
  it("sends finished spans to the collector as protobuf, without a node:http client request", async () => {
    answer = (_req, res) => res.end();
    received.length = 0;
    const provider = new TracerProvider({
      spanProcessors: [new SimpleSpanProcessor({ exporter: createOtlpFetchExporter(url) })],
    });
    const requests = await nodeHttpRequestsDuring(async () => {
      provider.getTracer("test").startSpan("export me").end();
      await provider.forceFlush();
    });
    expect(received).toHaveLength(1);
    expect(received[0]!.contentType).toBe("application/x-protobuf");
    // Protobuf keeps strings as they are: the span's name is in the body.
    expect(received[0]!.body.includes(Buffer.from("export me"))).toBe(true);
    expect(requests).toBe(0);
    await provider.shutdown();
  });

  it("would see a node:http client request (the check above can fail)", async () => {
    answer = (_req, res) => res.end();
    const requests = await nodeHttpRequestsDuring(
      () =>
        new Promise<void>((resolve, reject) => {
          get(url, (res) => {
            res.resume();
            res.on("end", resolve);
          }).on("error", reject);
        }),
    );
    expect(requests).toBe(1);
  });

  it("tries a busy collector's batch again after its Retry-After", async () => {
    answer = (_req, res) => res.writeHead(503, { "retry-after": "7" }).end();
    const response = await new FetchTransport(url).send(new Uint8Array([1]), 5_000);
    expect(response).toEqual({ status: "retryable", retryInMillis: 7_000 });
  });

  it("gives up on a batch the collector refuses", async () => {
    answer = (_req, res) => res.writeHead(400).end("bad batch");
    const response = await new FetchTransport(url).send(new Uint8Array([1]), 5_000);
    expect(response.status).toBe("failure");
    expect(response.status === "failure" && response.error.message).toMatch(/answered 400/);
  });

  it("tries again when the collector cannot be reached or does not answer in time", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await new FetchTransport(`http://127.0.0.1:${port}/v1/traces`).send(
      new Uint8Array([1]),
      5_000,
    );
    expect(refused.status).toBe("retryable");

    let release = () => {};
    answer = (_req, res) => {
      release = () => res.end();
    };
    const slow = await new FetchTransport(url).send(new Uint8Array([1]), 50);
    expect(slow.status).toBe("retryable");
    release();
  });
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates, and ignores anything else", () => {
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs("7")).toBe(7_000);
    expect(retryAfterMs("-3")).toBe(0);
    expect(retryAfterMs(new Date(Date.now() - 60_000).toUTCString())).toBe(0);
    const inAMinute = retryAfterMs(new Date(Date.now() + 60_000).toUTCString())!;
    expect(inAMinute).toBeGreaterThan(50_000);
    expect(inAMinute).toBeLessThanOrEqual(60_000);
    expect(retryAfterMs("soon")).toBeUndefined();
  });
});
