/**
 * The wire-compatibility harness: one request sent to a server on tRPC's stock adapter and to one
 * on the lean adapter, answers compared as bytes — status line, headers (in order; only Date,
 * Content-Length and Transfer-Encoding are left out: stock streams chunked, lean sends a length)
 * and body. Each comparison also names the handler the lean server used, so a silent fallback to
 * stock cannot pass for compatibility. Used by this package's suite and by servers built on it.
 */
import { request as httpRequest } from "node:http";

export interface WireRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Exchange {
  status: string;
  headers: string[];
  body: string;
  bytes: Buffer;
}

/** Which handler answered on the lean server: its own, its fallback, or neither (a guard did). */
export type Served = "lean" | "stock" | "neither";

export interface WirePair {
  stockUrl: string;
  leanUrl: string;
  /** Requests the lean server's lean and fallback handlers have taken so far. */
  counts(): { lean: number; stock: number };
  /** Rewrites what differs between any two answers (random secrets); identity by default. */
  normalise?: (text: string) => string;
}

export const UNCOMPARED_HEADERS: ReadonlySet<string> = new Set([
  "date",
  "content-length",
  "transfer-encoding",
]);

export function exchange(
  base: string,
  spec: WireRequest,
  normalise: (text: string) => string = (text) => text,
): Promise<Exchange> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: spec.method ?? "GET",
        path: spec.path,
        headers: spec.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const headers: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i]!.toLowerCase();
            if (!UNCOMPARED_HEADERS.has(name)) {
              headers.push(`${name}: ${normalise(res.rawHeaders[i + 1]!)}`);
            }
          }
          const bytes = Buffer.concat(chunks);
          resolve({
            status: `${res.statusCode} ${res.statusMessage}`,
            headers,
            body: normalise(bytes.toString("utf8")),
            bytes,
          });
        });
      },
    );
    req.on("error", reject);
    req.end(spec.body);
  });
}

export interface Comparison {
  expected: Exchange;
  actual: Exchange;
  by: Served;
}

/** Sends one request to both servers (stock first) and notes the lean server's handler. */
export async function both(pair: WirePair, spec: WireRequest): Promise<Comparison> {
  const expected = await exchange(pair.stockUrl, spec, pair.normalise);
  const before = pair.counts();
  const actual = await exchange(pair.leanUrl, spec, pair.normalise);
  const after = pair.counts();
  const by: Served =
    after.lean > before.lean ? "lean" : after.stock > before.stock ? "stock" : "neither";
  return { expected, actual, by };
}

/** The parts of an answer a test compares: status line, headers in order, body text. */
export const visible = ({ status, headers, body }: Exchange) => ({ status, headers, body });

/** A fixed instant, so two servers answer the same bytes. */
export const PROBE_DATE = new Date("2026-01-02T03:04:05.678Z");

/** A probe result with every kind of superjson annotation (Date, BigInt, Set, Map, undefined). */
export const superjsonSample = () => ({
  at: PROBE_DATE,
  big: 12_345_678_901_234_567_890n,
  set: new Set(["a", "b"]),
  map: new Map([["k", PROBE_DATE]]),
  missing: undefined,
  nested: { list: [1, "two", null, PROBE_DATE] },
});
