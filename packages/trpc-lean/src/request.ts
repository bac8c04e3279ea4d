import type { IncomingMessage } from "node:http";
import { TRPCError } from "@trpc/server";

/**
 * What the lean adapter reads from a request line and headers before anything runs. Every
 * request it cannot prove it reads exactly as the stock adapter does is handed to the stock
 * handler instead (`parseRequest` returns undefined), so "covered" stays a small, checkable set:
 * GET or POST, a plain `/trpc/<path>` URL, a Host that parses, no streaming accept header.
 */
export interface LeanRequest {
  method: "GET" | "POST";
  isBatch: boolean;
  /** Procedure paths, in batch order (one for a single call). */
  paths: string[];
  /** The `input` query parameter of a GET, as URLSearchParams decodes it. */
  queryInput: string | null;
}

// One URL segment of procedure-path characters: no slash, no percent-escape, nothing the
// WHATWG URL parser would rewrite. Anything else (dot segments, %2F, trailing slash…) goes stock.
const PATH = /^[A-Za-z0-9_.,-]+$/;
// Control characters, spaces, non-ASCII and fragments ("#", 0x23) are rewritten by `new URL()`;
// stock sees the rewritten URL, so such requests go stock. One character class scans fastest.
const UNUSUAL_URL = /[^\x21\x22\x24-\x7e]/;

/**
 * Host headers that `new URL()` accepted, as the stock adapter's `createURL` needs them to
 * (it answers 400 "Invalid URL" otherwise). Bounded: a client sending ever-new Host values
 * only makes its own requests take the stock path.
 */
const validHosts = new Set<string>();
const MAX_CACHED_HOSTS = 256;

function hostParses(host: string): boolean {
  if (validHosts.has(host)) return true;
  try {
    new URL("/", `http://${host}`);
  } catch {
    return false;
  }
  if (validHosts.size < MAX_CACHED_HOSTS) validHosts.add(host);
  return true;
}

/**
 * A content type tRPC's JSON handler takes, read both ways tRPC has read it: 11.19 matches
 * `startsWith("application/json")` (case-sensitive, so `Application/JSON` is a 415 and
 * `application/jsonx` passes), later releases compare the lower-cased media type. Only a value
 * both accept is ours; anything else goes to stock, which answers as the installed tRPC does.
 */
export function isJsonContentType(value: string | undefined): boolean {
  return (
    value !== undefined &&
    value.startsWith("application/json") &&
    value.split(";", 1)[0]!.trim() === "application/json"
  );
}

export function parseRequest(req: IncomingMessage, prefix: string): LeanRequest | undefined {
  const { method, url, headers } = req;
  if ((method !== "GET" && method !== "POST") || url === undefined) return undefined;
  if (!url.startsWith(prefix) || UNUSUAL_URL.test(url)) return undefined;
  // Streamed batches (httpBatchStreamLink) and SSE: `getAcceptHeader` reads trpc-accept first.
  if (headers["trpc-accept"] !== undefined || headers.accept?.includes("jsonl")) return undefined;
  // A GET's content type picks tRPC's body handler (form data, octet stream…); only JSON is ours.
  // A POST reaching us passed the guard's JSON-only rule; checked again so the handler stands alone.
  const contentType = headers["content-type"];
  if (contentType !== undefined && !isJsonContentType(contentType)) return undefined;
  if (method === "POST" && contentType === undefined) return undefined;
  const host = headers.host;
  if (host === undefined || !hostParses(host)) return undefined;

  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url.slice(prefix.length) : url.slice(prefix.length, queryAt);
  if (!PATH.test(path) || path === "." || path === "..") return undefined;
  let isBatch = false;
  let queryInput: string | null = null;
  if (queryAt !== -1 && queryAt < url.length - 1) {
    const params = new URLSearchParams(url.slice(queryAt + 1));
    // Parsed and validated by stock even for queries; rare enough to leave to it.
    if (params.has("connectionParams")) return undefined;
    isBatch = params.get("batch") === "1";
    if (method === "GET") queryInput = params.get("input");
  }
  return { method, isBatch, paths: isBatch ? path.split(",") : [path], queryInput };
}

const decoder = new TextDecoder();

/**
 * Starts reading a POST body at once, as the stock adapter's request stream does, and settles
 * with its text (UTF-8, BOM stripped, like `Request.text()`), or with PAYLOAD_TOO_LARGE once
 * more than `maxBodySize` bytes have arrived. The rejection is only observed when a procedure
 * reads its input: a procedure without input answers normally, as it does on stock.
 */
export function readBody(req: IncomingMessage, maxBodySize: number | null): Promise<string> {
  const body = new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (maxBodySize === null || size <= maxBodySize) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      reject(new TRPCError({ code: "PAYLOAD_TOO_LARGE" }));
    };
    const onEnd = () => {
      cleanup();
      resolve(
        chunks.length === 1 ? decoder.decode(chunks[0]) : decoder.decode(Buffer.concat(chunks)),
      );
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
  body.catch(() => undefined);
  return body;
}
