import type { IncomingMessage, ServerResponse } from "node:http";
import {
  getTRPCErrorFromUnknown,
  TRPCError,
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
} from "@trpc/server";
import { createInputs, type Inputs } from "./inputs.ts";
import { parseRequest, readBody, type LeanRequest } from "./request.ts";
import {
  errorShape,
  statusOf,
  transformItem,
  writeLastResort,
  writeRequestError,
  writeResponse,
  type CallType,
  type ResponseHeaders,
  type ResponseItem,
} from "./response.ts";
import { invokeProcedure, runnableDef } from "./runner.ts";
import { createCodec } from "./superjson-fast.ts";
import { installedTrpcServerVersion, TESTED_TRPC_SERVER_VERSIONS } from "./trpc-version.ts";

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LeanHandlerOptions {
  router: AnyTRPCRouter;
  /** Where the router is mounted, with both slashes: "/trpc/". */
  basePath: string;
  /** The same function the stock handler builds its context with. */
  createContext: (req: IncomingMessage, res: ServerResponse) => unknown;
  maxBodySize: number | undefined;
  maxBatchSize: number | undefined;
  /** The stock handler, for every request this one does not cover. */
  stock: NodeHandler;
  /** "trpc" calls tRPC's own procedure function instead of our runner (for comparison). */
  runner?: "lean" | "trpc";
  /** Told why the lean adapter stepped aside for `stock` (an untested tRPC release). */
  onFallback?: (reason: string) => void;
  /** The `@trpc/server` version to judge; the installed one by default (tests override it). */
  trpcVersion?: string;
}

type CallResult = [TRPCError, undefined] | [undefined, unknown];

const ACCEPTED_METHOD = { query: "GET", mutation: "POST", subscription: "GET" } as const;

const isObject = (value: unknown): value is object =>
  !!value && !Array.isArray(value) && typeof value === "object";
const isFunction = (value: unknown): value is (...args: unknown[]) => unknown =>
  typeof value === "function";
const isAsyncIterable = (value: unknown): boolean =>
  isObject(value) && Symbol.asyncIterator in value;
const isPromise = (value: unknown): boolean =>
  (isObject(value) || isFunction(value)) &&
  typeof (value as { then?: unknown }).then === "function" &&
  typeof (value as { catch?: unknown }).catch === "function";
/**
 * resolveResponse's `isDataStream` (such results need httpBatchStreamLink):
 * `Object.values(v).some(isPromise) || Object.values(v).some(isAsyncIterable)`, in one pass.
 */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  // Object.values' own enumerable string keys, without the array.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (isPromise(item) || isAsyncIterable(item)) return true;
  }
  return false;
}

const streamLikeResult = () =>
  new TRPCError({
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink",
  });

/**
 * tRPC's HTTP protocol for queries, mutations and non-streaming batches, spoken directly on
 * node:http: what `createHTTPHandler` → `nodeHTTPRequestHandler` → `resolveResponse` do, minus
 * the WHATWG Request/Headers/AbortController per request and the chunked stream per response.
 * The answer is written with one `res.end(body)` and a content length. Everything else —
 * streamed batches, subscriptions, HEAD, unusual URLs or content types — goes to `stock`.
 */
export function createLeanHandler(options: LeanHandlerOptions): NodeHandler {
  const { router, stock, createContext, basePath } = options;
  const trpcVersion = options.trpcVersion ?? installedTrpcServerVersion();
  if (!TESTED_TRPC_SERVER_VERSIONS.includes(trpcVersion)) {
    options.onFallback?.(
      `@trpc/server ${trpcVersion} is not a release the lean adapter was tested on ` +
        `(${TESTED_TRPC_SERVER_VERSIONS.join(", ")}); serving every request with the stock adapter`,
    );
    return stock;
  }
  const config = router._def._config;
  // A custom separator (`post~byId`, an option 11.25 has) changes how paths read; not worth a
  // second code path. Releases without the option (11.19) always use ".".
  if (((config as { pathSeparator?: string }).pathSeparator ?? ".") !== ".") return stock;
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure | undefined>;
  const lazy = router._def.lazy as Record<string, unknown>;
  const maxBodySize = options.maxBodySize ?? null;
  const { maxBatchSize } = options;
  const ownRunner = (options.runner ?? "lean") === "lean";
  const codec = createCodec(config.transformer);

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    request: LeanRequest,
    calls: (AnyTRPCProcedure | undefined)[],
    type: CallType,
  ): Promise<void> {
    const headers: ResponseHeaders = {};
    const inputs = createInputs(
      codec,
      request,
      request.method === "POST" ? readBody(req, maxBodySize) : undefined,
    );
    let ctx: unknown;
    let ctxError: TRPCError | undefined;
    try {
      // Awaited only when it is a promise (stock always awaits; a plain value is the same ctx).
      const made = createContext(req, res);
      ctx = typeof (made as { then?: unknown } | null)?.then === "function" ? await made : made;
    } catch (cause) {
      ctxError = getTRPCErrorFromUnknown(cause);
    }
    // What the stock adapter's request signal does: abort when the client goes away first.
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableEnded) abort.abort();
    });

    const run = async (index: number): Promise<CallResult> => {
      const procedure = calls[index];
      const path = request.paths[index]!;
      try {
        if (!procedure) {
          throw new TRPCError({
            code: "NOT_FOUND",
            message: `No procedure found on path "${path}"`,
          });
        }
        const procedureType = procedure._def.type;
        // tRPC 11.19 answers 405 without an `allow` header (11.25 adds one).
        if (ACCEPTED_METHOD[procedureType] !== request.method) {
          throw new TRPCError({
            code: "METHOD_NOT_SUPPORTED",
            message: `Unsupported ${request.method}-request to ${procedureType} procedure at path "${path}"`,
          });
        }
        if (ctxError) throw ctxError;
        const data = await invokeProcedure(
          procedure,
          ownRunner ? runnableDef(procedure) : undefined,
          {
            path,
            getRawInput: () => inputs.read(index),
            ctx,
            type: procedureType,
            signal: abort.signal,
            batchIndex: index,
          },
        );
        return [undefined, data];
      } catch (cause) {
        return [getTRPCErrorFromUnknown(cause), undefined];
      }
    };
    const pending = request.paths.map((_, index) => run(index));

    if (!request.isBatch) {
      const [error, data] = await pending[0]!;
      headers.contentType = "application/json";
      try {
        if (!error && isDataStream(data)) throw streamLikeResult();
        const item: ResponseItem = error
          ? { error: shapeOf(error, ctx, inputs, request, type, 0) }
          : { result: { data } };
        const body = JSON.stringify(transformItem(codec, item));
        writeResponse(res, error ? statusOf([item]) : 200, body, headers);
      } catch (cause) {
        writeRequestError(res, config, codec, cause, { ctx, type, headers });
      }
      return;
    }

    headers.contentType = "application/json";
    try {
      const settled = await Promise.all(pending);
      let failed = false;
      const items: ResponseItem[] = [];
      for (let index = 0; index < settled.length; index++) {
        const [callError, data] = settled[index]!;
        const error = callError ?? (isDataStream(data) ? streamLikeResult() : undefined);
        if (error) failed = true;
        items.push(
          error
            ? {
                error: shapeOf(
                  error,
                  ctx,
                  inputs,
                  request,
                  calls[index]?._def.type ?? "unknown",
                  index,
                ),
              }
            : { result: { data } },
        );
      }
      const body = JSON.stringify(items.map((item) => transformItem(codec, item)));
      // All results: 200, as getHTTPStatusCode says; any error: its rules (one status, or 207).
      const status = failed ? statusOf(items) : 200;
      writeResponse(res, status, body, headers);
    } catch (cause) {
      writeRequestError(res, config, codec, cause, { ctx, type, headers });
    }
  }

  function shapeOf(
    error: TRPCError,
    ctx: unknown,
    inputs: Inputs,
    request: LeanRequest,
    type: CallType,
    index: number,
  ): unknown {
    return errorShape(config, error, {
      ctx,
      type,
      path: request.paths[index],
      input: inputs.result(index),
    });
  }

  return (req, res) => {
    const request = parseRequest(req, basePath);
    if (!request) {
      stock(req, res);
      return;
    }
    const { paths } = request;
    // resolveResponse's getRequestInfo: the batch limit first, then one type for all calls.
    if (request.isBatch && maxBatchSize !== undefined && paths.length > maxBatchSize) {
      const error = new TRPCError({
        code: "BAD_REQUEST",
        message: "Batch call exceeds maximum size",
      });
      writeRequestError(res, config, codec, error, {
        ctx: undefined,
        type: "unknown",
        headers: {},
      });
      return;
    }
    const calls: (AnyTRPCProcedure | undefined)[] = [];
    let type: CallType = "unknown";
    let types: Set<CallType> | undefined;
    for (const path of paths) {
      const procedure = procedures[path];
      // Lazy routers load on first use; the stock handler does that, and we see it next time.
      if (!procedure && Object.keys(lazy).length > 0) {
        stock(req, res);
        return;
      }
      calls.push(procedure);
      if (!procedure) continue;
      if (type === "unknown") type = procedure._def.type;
      else if (procedure._def.type !== type) (types ??= new Set([type])).add(procedure._def.type);
    }
    if (types) {
      const error = new TRPCError({
        code: "BAD_REQUEST",
        message: `Cannot mix procedure types in call: ${[...types].join(", ")}`,
      });
      writeRequestError(res, config, codec, error, {
        ctx: undefined,
        type: "unknown",
        headers: {},
      });
      return;
    }
    // SSE subscriptions (and their batch refusal) stay with the stock adapter.
    if (type === "subscription") {
      stock(req, res);
      return;
    }
    handle(req, res, request, calls, type).catch((cause: unknown) => {
      writeLastResort(res, config, codec, cause);
    });
  };
}
