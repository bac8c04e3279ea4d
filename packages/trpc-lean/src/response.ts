import type { ServerResponse } from "node:http";
import {
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type AnyTRPCRouter,
  type TRPCError,
} from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import type { Codec } from "./superjson-fast.ts";

type RootConfig = AnyTRPCRouter["_def"]["_config"];
export type CallType = "query" | "mutation" | "subscription" | "unknown";

/** One entry of the response body before the transformer runs, as `resolveResponse` builds it. */
export type ResponseItem = { result: { data: unknown } } | { error: unknown };

/**
 * The headers tRPC's `resolveResponse` puts on its `Response`, which the stock adapter copies
 * onto the node response in `Headers` order (sorted): `content-type`, `vary`. When
 * `content-type` was never set, the `Response` constructor supplies text/plain for the string
 * body — that is what stock sends for errors raised before any call ran (batch over the limit).
 */
export interface ResponseHeaders {
  contentType?: string;
}

const VARY = "trpc-accept, accept";

/**
 * Seconds a client should wait before retrying a 503 (a backing service unreachable). Sent by
 * both adapters (stock through `responseMeta`) unless a procedure set its own Retry-After.
 */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * The stock handler's `responseMeta` that adds the same Retry-After to a 503, for a `fallback`
 * built by the caller: with it, both adapters answer a 503 alike.
 */
export function unavailableResponseMeta({
  data,
  errors,
}: {
  data: readonly unknown[];
  errors: readonly unknown[];
}): { headers?: Record<string, string> } {
  return errors.length > 0 && data.length > 0 && statusOf(data as ResponseItem[]) === 503
    ? { headers: { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) } }
    : {};
}
const FETCH_STRING_BODY_TYPE = "text/plain;charset=UTF-8";

export function errorShape(
  config: RootConfig,
  error: TRPCError,
  call: { ctx: unknown; type: CallType; path: string | undefined; input: unknown },
): unknown {
  return getTRPCErrorShape({
    config,
    error,
    type: call.type,
    path: call.path,
    input: call.input,
    ctx: call.ctx,
  });
}

/** `transformTRPCResponseItem` for the two shapes we build, with native spread. */
export function transformItem(codec: Codec, item: ResponseItem): ResponseItem {
  return "error" in item
    ? { error: codec.serialize(item.error) }
    : { result: { data: codec.serialize(item.result.data) } };
}

/** tRPC 11.19's `getHTTPStatusCode`: each error's `data.httpStatus` (or its code); 207 when mixed. */
export function statusOf(items: ResponseItem | ResponseItem[]) {
  return getHTTPStatusCode(items as Parameters<typeof getHTTPStatusCode>[0]);
}

/** The whole response in one write, with a content length (stock streams it chunked). */
export function writeResponse(
  res: ServerResponse,
  status: number,
  body: string,
  headers: ResponseHeaders,
): void {
  res.setHeader("content-type", headers.contentType ?? FETCH_STRING_BODY_TYPE);
  // Stock keeps a status someone set before it (none of our middlewares does).
  if (res.statusCode === 200) res.statusCode = status;
  if (res.statusCode === 503 && !res.hasHeader("retry-after")) {
    res.setHeader("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  }
  res.setHeader("vary", VARY);
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(body);
}

/**
 * An error raised outside any call (batch over the limit, mixed types, an encoding failure):
 * `caughtErrorToData` in `resolveResponse` — no path, no input, the context if one was made.
 */
export function writeRequestError(
  res: ServerResponse,
  config: RootConfig,
  codec: Codec,
  cause: unknown,
  scope: { ctx: unknown; type: CallType; headers: ResponseHeaders },
): void {
  const error = getTRPCErrorFromUnknown(cause);
  const item = {
    error: errorShape(config, error, {
      ctx: scope.ctx,
      type: scope.type,
      path: undefined,
      input: undefined,
    }),
  };
  const body = JSON.stringify(transformItem(codec, item));
  writeResponse(res, statusOf(item), body, scope.headers);
}

const FALLBACK_SHAPE = {
  code: -32603,
  message: "Internal server error",
  data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500 },
};

/**
 * When even the error response cannot be built: the node adapter's
 * `internal_exceptionHandler` — a bare status and body, no tRPC headers.
 */
export function writeLastResort(
  res: ServerResponse,
  config: RootConfig,
  codec: Codec,
  cause: unknown,
): void {
  const error = getTRPCErrorFromUnknown(cause);
  let shape: unknown;
  try {
    shape = errorShape(config, error, {
      ctx: undefined,
      type: "unknown",
      path: undefined,
      input: undefined,
    });
  } catch {
    shape = FALLBACK_SHAPE;
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = (shape as typeof FALLBACK_SHAPE).data.httpStatus;
  res.end(JSON.stringify(transformItem(codec, { error: shape })));
}
