import type { IncomingMessage, ServerResponse } from "node:http";

export interface Refusal {
  status: 400 | 403 | 405 | 415;
  code: "BAD_REQUEST" | "FORBIDDEN" | "METHOD_NOT_SUPPORTED" | "UNSUPPORTED_MEDIA_TYPE";
  message: string;
  /** The methods the path takes (the `Allow` header of a 405). */
  allow?: string;
}

/**
 * Refuses a /trpc path whose percent-escapes do not decode. tRPC 11.19 decodes the procedure
 * path with a bare `decodeURIComponent`, and its URIError becomes a 500 (later releases answer
 * 400); the client sent a bad URL, so it gets the 400 here, whichever tRPC is installed.
 */
export function refuseMalformedPath(path: string): Refusal | undefined {
  if (!path.includes("%")) return undefined;
  try {
    decodeURIComponent(path);
    return undefined;
  } catch {
    return { status: 400, code: "BAD_REQUEST", message: "Invalid URL-encoding in the path" };
  }
}

/** What /trpc serves: queries and subscriptions over GET (and HEAD), mutations over POST. */
const TRPC_METHODS = new Set(["GET", "HEAD", "POST"]);

/**
 * Refuses any other method on /trpc (OPTIONS is answered before, as a CORS preflight). tRPC
 * turns a request into a WHATWG `Request`, whose constructor throws on TRACE: that became a 500.
 * PUT, PATCH and DELETE got 405 or 415 depending on the procedure; all now get one answer.
 */
export function refuseUnsupportedMethod(method: string | undefined): Refusal | undefined {
  if (method !== undefined && TRPC_METHODS.has(method)) return undefined;
  return {
    status: 405,
    code: "METHOD_NOT_SUPPORTED",
    message: "Use GET for queries and subscriptions, POST for mutations",
    allow: "GET, HEAD, POST",
  };
}

/**
 * Applies CORS for allowed origins and answers preflight. Returns true when the request was
 * fully answered (a preflight).
 */
export function handleCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && allowedOrigins.has(origin);
  if (allowed) {
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-allow-credentials", "true");
    res.setHeader("vary", "Origin");
  }
  if (req.method !== "OPTIONS") return false;
  if (allowed) {
    res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    res.setHeader(
      "access-control-allow-headers",
      "content-type, authorization, trpc-accept, x-request-id, idempotency-key",
    );
    res.setHeader("access-control-max-age", "600");
  }
  res.writeHead(allowed ? 204 : 403).end();
  return true;
}

/**
 * Refuses what a cross-site page could send without a preflight: a POST from a foreign
 * origin, or one whose body is form-encoded, multipart or text/plain. Clients outside a
 * browser (scripts, servers) send no Origin and are judged by content type alone.
 */
export function refuseUnsafePost(
  req: IncomingMessage,
  allowedOrigins: ReadonlySet<string>,
): Refusal | undefined {
  if (req.method !== "POST") return undefined;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins.has(origin)) {
    return { status: 403, code: "FORBIDDEN", message: `Origin ${origin} may not call this API` };
  }
  if (origin === undefined && req.headers["sec-fetch-site"] === "cross-site") {
    return { status: 403, code: "FORBIDDEN", message: "Cross-site requests may not call this API" };
  }
  const contentType = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") {
    return {
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: "Send requests that change state as JSON (content-type: application/json)",
    };
  }
  return undefined;
}
