import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import {
  AppError,
  isOutage,
  newConnection,
  resolveAuth,
  type Context,
  type LiveConnection,
  type Logger,
  type Services,
} from "@tesseract/api";
import { TRPCError, type AnyTRPCRouter } from "@trpc/server";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@tesseract/trpc-lean";
import { WebSocketServer, type WebSocket } from "ws";

export interface LiveSockets {
  /** Open WebSocket connections on this instance. */
  readonly size: number;
  /** Tells clients to reconnect (elsewhere) and closes every connection. */
  close(): void;
}

interface Accepted {
  connection: LiveConnection;
  release: () => void;
}

/**
 * Live subscriptions over WebSocket on the API server's own port (`/trpc`). An upgrade is
 * accepted only from an allowed Origin (a browser always sends one; scripts send none) and only
 * with valid credentials, a session cookie or `Authorization: Bearer`, checked before the
 * socket opens; a person holds at most LIVE_MAX_CONNECTIONS_PER_PERSON connections here.
 * Incoming messages are bounded (LIVE_MAX_MESSAGE_BYTES), a client that stops answering pings
 * is cut off, and one that reads too slowly is dropped by its subscriptions.
 */
export function attachLiveSockets(options: {
  server: Server;
  router: AnyTRPCRouter;
  services: Services;
  logger: Logger;
  allowedOrigins: ReadonlySet<string>;
  createContext(req: IncomingMessage, live: LiveConnection | undefined): Context;
}): LiveSockets {
  const { services, logger } = options;
  const limits = services.config.live;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const accepted = new WeakMap<WebSocket, Accepted>();
  const handler = applyWSSHandler({
    wss,
    router: options.router,
    // tRPC's declaration types the socket through its own view of `ws`: it is this one.
    createContext: ({ req, res }) =>
      options.createContext(req, accepted.get(res as unknown as WebSocket)?.connection),
    keepAlive: { enabled: true, pingMs: limits.heartbeatMs, pongWaitMs: limits.heartbeatMs },
    experimental_encoder: batchBoundedJson(services.config.server.maxBatchSize),
  });

  /** The refusal an upgrade gets, or undefined when it may open (with its connection slot). */
  async function judge(req: IncomingMessage): Promise<Refusal | { release: () => void }> {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/trpc" && path !== "/trpc/") return { status: 404, text: "Not Found" };
    const origin = req.headers.origin;
    if (origin !== undefined && !options.allowedOrigins.has(origin))
      return { status: 403, text: "Forbidden" };
    let auth;
    try {
      auth = await resolveAuth(options.createContext(req, undefined));
    } catch (err) {
      // Sessions are in Redis and tokens in PostgreSQL: with either down the client is told to
      // try again, not that its credentials are wrong (which sends a person to sign in).
      if (isOutage(err)) return { status: 503, text: "Service Unavailable", retryAfter: true };
      if (err instanceof AppError) return { status: 401, text: "Unauthorized" };
      throw err;
    }
    if (!auth) return { status: 401, text: "Unauthorized" };
    const release = services.live.connections.acquire(auth.user.id);
    return release ? { release } : { status: 429, text: "Too Many Requests" };
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const verdict = await judge(req);
    if (!("release" in verdict)) {
      refuse(socket, verdict);
      return;
    }
    const { release } = verdict;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = newConnection("ws", {
        unreadBytes: () => ws.bufferedAmount,
        drop(reason) {
          // The close frame may never get through to a client that does not read: cut it off.
          ws.close(4008, reason.slice(0, 120));
          setTimeout(() => {
            ws.terminate();
          }, 1_000).unref();
        },
      });
      accepted.set(ws, { connection, release });
      ws.once("close", release);
      wss.emit("connection", ws, req);
    });
  }

  options.server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => {
      socket.destroy();
    });
    upgrade(req, socket, head).catch((err: unknown) => {
      logger.error({ err }, "websocket upgrade failed");
      refuse(socket, { status: 500, text: "Internal Server Error" });
    });
  });

  return {
    get size() {
      return wss.clients.size;
    },
    close() {
      handler.broadcastReconnectNotification();
      for (const ws of wss.clients) ws.close(1012, "Server restarting");
      wss.close();
    },
  };
}

/**
 * tRPC's JSON framing, with HTTP's batch limit. A message may be an array of calls, and tRPC
 * runs every one: 300 calls in one message ran 300 procedures where an HTTP batch stops at
 * API_MAX_BATCH_SIZE. A message past it is refused whole (one error, id null), before any runs.
 */
function batchBoundedJson(maxBatchSize: number) {
  return {
    encode: (data: unknown) => JSON.stringify(data),
    decode(data: string | ArrayBuffer | Uint8Array): unknown {
      if (typeof data !== "string")
        throw new TRPCError({ code: "BAD_REQUEST", message: "Send JSON in text messages" });
      const message = JSON.parse(data) as unknown;
      if (Array.isArray(message) && message.length > maxBatchSize)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `Send at most ${maxBatchSize} calls in one message`,
        });
      return message;
    },
  };
}

interface Refusal {
  status: number;
  text: string;
  /** A 503: says when to try again, as the HTTP adapters' 503s do. */
  retryAfter?: boolean;
}

function refuse(socket: Duplex, { status, text, retryAfter }: Refusal): void {
  const headers = retryAfter ? `Retry-After: ${UNAVAILABLE_RETRY_AFTER_SECONDS}\r\n` : "";
  if (socket.writable)
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\n${headers}Connection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  else socket.destroy();
}
