import { randomUUID } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from "node:http";
import {
  appRouter,
  checkHealth,
  createInnerContext,
  newConnection,
  openApiDocument,
  type LiveConnection,
  type Logger,
  type ResponseControl,
  type Services,
} from "@tesseract/api";
import type { AnyTRPCRouter } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { clientIp, trustedProxies } from "./client-ip.ts";
import {
  handleCors,
  refuseMalformedPath,
  refuseUnsafePost,
  refuseUnsupportedMethod,
} from "./guard.ts";
import {
  createLeanHandler,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
  unavailableResponseMeta,
  type NodeHandler,
} from "@tesseract/trpc-lean";
import {
  contextFrom,
  isTracing,
  SpanKind,
  SpanStatusCode,
  startSpan,
  withContext,
  ROOT_CONTEXT,
  type AppMetrics,
  type CounterCell,
} from "@tesseract/telemetry";
import { attachLiveSockets } from "./live-socket.ts";
import { sendJson, sendTrpcError } from "./responses.ts";

export interface ApiServerOptions {
  services: Services;
  logger: Logger;
  /** Defaults to the application router; tests may mount a router extended with probes. */
  router?: AnyTRPCRouter;
  /**
   * How /trpc is served. "lean" (the default) speaks tRPC's HTTP protocol directly on node:http
   * for queries, mutations and non-streaming batches, and hands everything else to tRPC's stock
   * standalone handler; "stock" uses that handler for everything (comparison and debugging).
   */
  adapter?: ApiAdapter;
  /** Lean adapter only: "trpc" calls procedures through tRPC's own middleware runner (diagnostics). */
  runner?: "lean" | "trpc";
  /** The `@trpc/server` version the lean adapter judges; the installed one (tests override it). */
  trpcVersion?: string;
  /** Awaited during shutdown after requests drain and before the services close (in-process jobs). */
  beforeClose?: () => Promise<unknown>;
}

export type ApiAdapter = "lean" | "stock";

export interface ApiServer {
  server: Server;
  metrics: AppMetrics;
  /** /trpc requests by the adapter that answered them (also in the metrics), read synchronously. */
  adapterCounts: { lean: number; stock: number };
  /** Open WebSocket connections. */
  liveSockets: { readonly size: number };
  /** Stops accepting, lets in-flight requests finish within the deadline, closes the services. Resolves true when nothing had to be cut off. */
  shutdown(): Promise<boolean>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApiServer({
  services,
  logger,
  router = appRouter,
  adapter = "lean",
  runner = "lean",
  trpcVersion,
  beforeClose,
}: ApiServerOptions): ApiServer {
  const { config } = services;
  const allowedOrigins = new Set(config.server.corsOrigins);
  const trusted = trustedProxies(config.trustedProxies);
  const { metrics } = services;
  // Request series are kept only where a listener serves them (METRICS_PORT is not 0).
  const counting = config.metrics !== undefined;
  // Counted apart from the metrics too, so the lean wrapper below can tell who answered.
  const adapterCounts = { lean: 0, stock: 0 };
  const active = new Set<ServerResponse>();
  let shuttingDown = false;
  let closing: Promise<boolean> | undefined;
  let openApi: string | undefined;

  // Open SSE streams: ended on shutdown so clients reconnect to another instance.
  const streams = new Set<ServerResponse>();
  const contextFor = (
    req: IncomingMessage,
    requestId: string,
    response: ResponseControl | undefined,
    live: LiveConnection | undefined,
    calls = 1,
  ) =>
    createInnerContext({
      services,
      logger,
      requestId,
      request: {
        headers: req.headers,
        clientIp: clientIp(req, trusted),
        userAgent: req.headers["user-agent"]?.slice(0, 300) ?? null,
        calls,
      },
      // Absent ones are left out of the context by createInnerContext itself.
      response,
      live,
    });
  const createContext = ({
    req,
    res,
    info,
  }: {
    req: IncomingMessage;
    res: ServerResponse;
    info: { calls: readonly unknown[] };
  }) =>
    contextFor(
      req,
      // The id the request handler below chose (and echoed) for this request.
      (res.getHeader("x-request-id") as string | undefined) ?? randomUUID(),
      {
        setHeader: (name, value) => res.setHeader(name, value),
        appendCookie: (cookie) => res.appendHeader("set-cookie", cookie),
      },
      // An SSE subscription (EventSource asks for text/event-stream) is a live connection.
      req.headers.accept === "text/event-stream" ? sseConnection(res) : undefined,
      info.calls.length,
    );
  function sseConnection(res: ServerResponse): LiveConnection {
    streams.add(res);
    res.once("close", () => streams.delete(res));
    return newConnection("sse", {
      unreadBytes: () => res.writableLength,
      drop: () => res.destroy(),
    });
  }
  const limits = {
    maxBodySize: config.server.maxBodyBytes,
    maxBatchSize: config.server.maxBatchSize,
  };
  const stockHandler = createHTTPHandler({
    router,
    basePath: "/trpc/",
    ...limits,
    createContext,
    // A 503 (a backing service unreachable) says when to retry, as the lean adapter's does.
    responseMeta: unavailableResponseMeta,
  });
  // Per-request series resolved once (on first use, so no series shows before it counts).
  const adapterCells: Partial<Record<ApiAdapter, CounterCell>> = {};
  const answered = answeredCells(metrics);
  const stock: NodeHandler = (req, res) => {
    adapterCounts.stock++;
    (adapterCells.stock ??= metrics.trpcAdapter.cell({ adapter: "stock" })).value++;
    stockHandler(req, res);
  };
  const lean =
    adapter === "lean"
      ? createLeanHandler({
          router,
          basePath: "/trpc/",
          ...limits,
          createContext,
          fallback: stock,
          runner,
          ...(trpcVersion === undefined ? {} : { trpcVersion }),
          onVersionMismatch: ({ installed, tested, message }) => {
            metrics.leanVersionMismatches.inc();
            logger.error({ trpcServer: installed, tested }, message);
          },
        })
      : undefined;
  const trpc: NodeHandler = lean
    ? (req, res) => {
        const before = adapterCounts.stock;
        lean(req, res);
        if (adapterCounts.stock === before) {
          adapterCounts.lean++;
          (adapterCells.lean ??= metrics.trpcAdapter.cell({ adapter: "lean" })).value++;
        }
      }
    : stock;

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<string> {
    if (path === "/healthz") {
      sendJson(res, 200, { status: "ok" });
      return path;
    }
    if (path === "/readyz") {
      const health = await checkHealth(services, { showErrors: !config.isProduction });
      const ready = !shuttingDown && health.status === "ok";
      if (!ready) {
        logger.warn({ health }, "not ready");
        res.setHeader("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      }
      sendJson(res, ready ? 200 : 503, {
        status: shuttingDown ? "shutting down" : health.status,
        services: health.services,
      });
      return path;
    }
    if (path === "/openapi.json" && (req.method === "GET" || req.method === "HEAD")) {
      // Generated from the router once, on first request: the same for the process's life.
      openApi ??= JSON.stringify(openApiDocument({ router }));
      res.setHeader("cache-control", "public, max-age=300");
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(req.method === "HEAD" ? undefined : openApi);
      return path;
    }
    // /metrics is not served here: it is on the internal listener (metrics-server.ts).
    sendJson(res, 404, { error: "Not found" });
    return "other";
  }

  function handlerFailed(res: ServerResponse, requestId: string, err: unknown): void {
    logger.error({ err, requestId }, "request handler failed");
    if (!res.headersSent) sendJson(res, 500, { error: "Internal server error" });
    else res.destroy();
  }

  const server = createServer(httpLimits(config.server), (req, res) => {
    const started = performance.now();
    const header = req.headers["x-request-id"];
    const requestId = typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader("x-request-id", requestId);
    res.setHeader("x-content-type-options", "nosniff");
    if (shuttingDown) res.setHeader("connection", "close");
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    let routeLabel = "other";
    active.add(res);
    if (counting) metrics.inFlight.inc();
    // With tracing on, the request's span (continuing a caller's traceparent) is the parent
    // of the procedures' spans; without it, nothing is allocated here.
    const traced = isTracing()
      ? startSpan(`${req.method ?? "GET"} ${path.slice(0, 200)}`, {
          kind: SpanKind.SERVER,
          parent:
            req.headers.traceparent === undefined
              ? ROOT_CONTEXT
              : contextFrom(req.headers as Record<string, string | undefined>),
          attributes: () => ({
            "http.request.method": req.method ?? "GET",
            "url.path": path.slice(0, 500),
          }),
        })
      : undefined;
    res.on("close", () => {
      active.delete(res);
      if (counting) {
        metrics.inFlight.dec();
        answered(routeLabel, res.statusCode).value++;
      }
      if (traced?.span.isRecording()) {
        traced.span.setAttribute("http.response.status_code", res.statusCode);
        traced.span.setAttribute("request.id", requestId);
        if (res.statusCode >= 500) traced.span.setStatus({ code: SpanStatusCode.ERROR });
        traced.span.end();
      }
      const level = routeLabel === "/trpc" || res.statusCode >= 500 ? "info" : "debug";
      if (logger.isLevelEnabled(level)) {
        const durationMs = Math.round((performance.now() - started) * 100) / 100;
        const entry = { requestId, method: req.method, path, status: res.statusCode, durationMs };
        logger[level](entry, "request");
      }
      // During shutdown, a keep-alive connection that just went idle is closed at once.
      if (shuttingDown) server.closeIdleConnections();
    });
    if (traced) {
      withContext(traced.context, () => {
        dispatch(req, res, path, requestId);
      });
    } else dispatch(req, res, path, requestId);

    function dispatch(req: IncomingMessage, res: ServerResponse, path: string, requestId: string) {
      if (handleCors(req, res, allowedOrigins)) return;
      // The API itself, without a promise of its own: the adapters answer asynchronously.
      if (path === "/trpc" || path.startsWith("/trpc/")) {
        routeLabel = "/trpc";
        try {
          const refusal =
            refuseMalformedPath(path) ??
            refuseUnsupportedMethod(req.method) ??
            refuseUnsafePost(req, allowedOrigins);
          if (refusal) {
            if (refusal.allow) res.setHeader("allow", refusal.allow);
            sendTrpcError(res, refusal.status, refusal.code, refusal.message);
          } else trpc(req, res);
        } catch (err) {
          handlerFailed(res, requestId, err);
        }
        return;
      }
      route(req, res, path).then(
        (label) => {
          routeLabel = label;
        },
        (err: unknown) => {
          handlerFailed(res, requestId, err);
        },
      );
    }
  });
  // Further connections are closed as they arrive (counted by the metrics), so a flood of idle
  // or slow clients cannot exhaust file descriptors and memory.
  server.maxConnections = config.server.maxConnections;
  server.on("drop", () => {
    metrics.droppedConnections.inc();
  });
  const sockets = attachLiveSockets({
    server,
    router,
    services,
    logger,
    allowedOrigins,
    createContext: (req, live) => contextFor(req, randomUUID(), undefined, live),
  });

  function shutdown(): Promise<boolean> {
    closing ??= (async () => {
      shuttingDown = true;
      for (const res of active) if (!res.headersSent) res.setHeader("connection", "close");
      // Live clients reconnect (to another instance) and resume from their last event id.
      sockets.close();
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        closed.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => {
            resolve(false);
          }, config.server.shutdownTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (!drained) {
        logger.warn(
          { inFlight: active.size },
          "shutdown deadline passed; cutting off the remaining requests",
        );
        server.closeAllConnections();
      }
      await beforeClose?.();
      await services.close();
      return drained;
    })();
    return closing;
  }

  return { server, metrics, adapterCounts, liveSockets: sockets, shutdown };
}

const STATUS_CLASSES = ["other", "1xx", "2xx", "3xx", "4xx", "5xx"] as const;

/** tesseract_http_requests_total's cell for a route and status, each resolved once. */
function answeredCells(metrics: AppMetrics) {
  const byRoute = new Map<string, (CounterCell | undefined)[]>();
  return (route: string, status: number): CounterCell => {
    let cells = byRoute.get(route);
    if (!cells) byRoute.set(route, (cells = []));
    const index = status >= 100 && status < 600 ? Math.floor(status / 100) : 0;
    return (cells[index] ??= metrics.httpRequests.cell({ route, status: STATUS_CLASSES[index] }));
  };
}

/** node:http's limits on slow clients and idle connections. */
function httpLimits(limits: Services["config"]["server"]): ServerOptions {
  const { requestTimeoutMs, headersTimeoutMs } = limits;
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: headersTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node enforces the two timeouts above only when it sweeps its connections, every 30 s by
    // default: a client trickling its headers or its body kept a connection that long.
    connectionsCheckingInterval: Math.max(
      100,
      Math.min(1_000, Math.floor(Math.min(requestTimeoutMs, headersTimeoutMs) / 4)),
    ),
  };
}
