import type { IncomingMessage, ServerResponse } from "node:http";
import {
  getTRPCErrorFromUnknown,
  TRPCError,
  type AnyTRPCProcedure,
  type AnyTRPCRouter,
} from "@trpc/server";
import { createHTTPHandler, type CreateHTTPHandlerOptions } from "@trpc/server/adapters/standalone";
import { requestInfo } from "./info.ts";
import { isDataStream, streamLikeResult } from "./stream-like.ts";
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
  unavailableResponseMeta,
} from "./response.ts";
import { invokeProcedure, runnableDef } from "./runner.ts";
import { createCodec } from "./superjson-fast.ts";
import {
  checkTrpcVersion,
  installedTrpcServerVersion,
  type VersionMismatch,
} from "./trpc-version.ts";

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The stock handler's options (`createHTTPHandler` from `@trpc/server/adapters/standalone`), plus
 * what only the lean adapter needs. `responseMeta`, `allowBatching: false` and
 * `allowMethodOverride: true` are honoured by handing the requests they affect to `fallback`.
 */
export type LeanHandlerOptions<TRouter extends AnyTRPCRouter = AnyTRPCRouter> =
  CreateHTTPHandlerOptions<TRouter> & {
    /**
     * The handler for every request the lean adapter does not serve itself; tRPC's stock handler
     * built from these same options by default. A caller passing its own must give it the same
     * router, context and limits, or the two paths answer differently.
     */
    fallback?: NodeHandler;
    /** "trpc" calls tRPC's own procedure function instead of our runner (for comparison). */
    runner?: "lean" | "trpc";
    /**
     * Told, once at start-up, that the installed `@trpc/server` is outside the tested releases and
     * every request goes to `fallback`. Meant to be logged loudly and counted.
     */
    onVersionMismatch?: (mismatch: VersionMismatch) => void;
    /** The `@trpc/server` version to judge; the installed one by default (tests override it). */
    trpcVersion?: string;
  };

type CallResult = [TRPCError, undefined] | [undefined, unknown];

const ACCEPTED_METHOD = { query: "GET", mutation: "POST", subscription: "GET" } as const;

/**
 * tRPC's HTTP protocol for queries, mutations and non-streaming batches, spoken directly on
 * node:http: what `createHTTPHandler` → `nodeHTTPRequestHandler` → `resolveResponse` do, minus
 * the WHATWG Request/Headers/AbortController per request and the chunked stream per response.
 * The answer is written with one `res.end(body)` and a content length. Everything else —
 * streamed batches, subscriptions, HEAD, unusual URLs or content types — goes to `stock`.
 */
export function createLeanHandler<TRouter extends AnyTRPCRouter>(
  options: LeanHandlerOptions<TRouter>,
): NodeHandler {
  const { router, fallback, runner, onVersionMismatch, trpcVersion, ...stockOptions } = options;
  // The default fallback adds the Retry-After the lean path puts on a 503, so both agree.
  const stock: NodeHandler =
    fallback ??
    createHTTPHandler({
      router,
      responseMeta: unavailableResponseMeta,
      ...stockOptions,
    } as CreateHTTPHandlerOptions<TRouter>);
  const mismatch = checkTrpcVersion(trpcVersion ?? installedTrpcServerVersion());
  if (mismatch) {
    onVersionMismatch?.(mismatch);
    return stock;
  }
  // responseMeta sees tRPC's `info` and untransformed results and may set any status or header:
  // every request goes to the stock handler, which calls it.
  if (options.responseMeta) return stock;
  const config = router._def._config;
  // A custom separator (`post~byId`, an option 11.25 has) changes how paths read; not worth a
  // second code path. Releases without the option (11.19) always use ".".
  if (((config as { pathSeparator?: string }).pathSeparator ?? ".") !== ".") return stock;
  const basePath = options.basePath ?? "/";
  const { createContext, onError } = options;
  const allowBatching = options.allowBatching ?? true;
  const allowMethodOverride = options.allowMethodOverride ?? false;
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure | undefined>;
  const lazy = router._def.lazy as Record<string, unknown>;
  const maxBodySize = options.maxBodySize ?? null;
  const { maxBatchSize } = options;
  const ownRunner = (runner ?? "lean") === "lean";
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
    // What the stock adapter's request signal does: abort when the client goes away first.
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableEnded) abort.abort();
    });
    let ctx: unknown;
    let ctxError: TRPCError | undefined;
    if (createContext) {
      try {
        const info = requestInfo(req, request, calls, type, inputs, abort.signal);
        // Awaited only when it is a promise (stock always awaits; a plain value is the same ctx).
        const made = createContext({ req, res, info });
        ctx = typeof (made as { then?: unknown } | null)?.then === "function" ? await made : made;
      } catch (cause) {
        ctxError = getTRPCErrorFromUnknown(cause);
      }
    }

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
        const error = getTRPCErrorFromUnknown(cause);
        onError?.({
          error,
          type: procedure?._def.type ?? "unknown",
          path,
          input: inputs.result(index),
          ctx,
          req,
        });
        return [error, undefined];
      }
    };
    if (!request.isBatch) {
      const [error, data] = await run(0);
      headers.contentType = "application/json";
      try {
        if (!error && isDataStream(data)) throw streamLikeResult();
        const item: ResponseItem = error
          ? { error: shapeOf(error, ctx, inputs, request, type, 0) }
          : { result: { data } };
        const body = JSON.stringify(transformItem(codec, item));
        writeResponse(res, error ? statusOf([item]) : 200, body, headers);
      } catch (cause) {
        requestError(req, res, cause, { ctx, type, headers });
      }
      return;
    }

    const pending = request.paths.map((_, index) => run(index));
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
      requestError(req, res, cause, { ctx, type, headers });
    }
  }

  /** An error of the whole request (stock's outer catch): reported, then answered. */
  function requestError(
    req: IncomingMessage,
    res: ServerResponse,
    cause: unknown,
    scope: { ctx: unknown; type: CallType; headers: ResponseHeaders },
  ): void {
    const error = getTRPCErrorFromUnknown(cause);
    onError?.({ error, type: scope.type, path: undefined, input: undefined, ctx: scope.ctx, req });
    writeRequestError(res, config, codec, error, scope);
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
      requestError(req, res, error, { ctx: undefined, type: "unknown", headers: {} });
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
      requestError(req, res, error, { ctx: undefined, type: "unknown", headers: {} });
      return;
    }
    // SSE subscriptions (and their batch refusal) stay with the stock adapter.
    if (type === "subscription") {
      stock(req, res);
      return;
    }
    // `allowMethodOverride` lets a POST call a query; `allowBatching: false` refuses batches.
    // Both are rare settings: stock answers those requests.
    if (
      (request.isBatch && !allowBatching) ||
      (allowMethodOverride && request.method === "POST" && type === "query")
    ) {
      stock(req, res);
      return;
    }
    handle(req, res, request, calls, type).catch((cause: unknown) => {
      onError?.({
        error: getTRPCErrorFromUnknown(cause),
        type: "unknown",
        path: undefined,
        input: undefined,
        ctx: undefined,
        req,
      });
      writeLastResort(res, config, codec, cause);
    });
  };
}
