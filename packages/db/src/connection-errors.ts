/**
 * Whether an error means "the database cannot be reached right now" (an outage, a restart, a
 * full pool) rather than "this query is wrong". The first kind is answered with 503 and
 * Retry-After, since the same request will work once the server is back; the second is a bug
 * (500). The pg driver reports the first kind in three ways, all recognised here, anywhere in
 * an error's `cause` chain (or an AggregateError's members, as Node's connect attempts give):
 */

// 1. Socket errors from node:net (server down, unreachable, connection cut).
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EADDRNOTAVAIL",
]);

// 2. SQLSTATEs the server sends: class 08 (connection exception), 57P01 admin_shutdown,
// 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down, recovering),
// 53300 too_many_connections.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const SQLSTATE_CLASSES = ["08"];

// 3. Messages pg and pg-pool raise themselves, without a code.
const DRIVER_MESSAGES = [
  /^timeout exceeded when trying to connect$/i, // pg-pool: connectionTimeoutMillis passed
  /^Connection terminated/i, // "unexpectedly", "due to connection timeout"
  /^timeout expired$/i, // pg Client: connectionTimeoutMillis passed
  /^Client has encountered a connection error and is not queryable$/i,
  /^Connection refused$/i,
];

const MAX_DEPTH = 8;

export function isConnectionError(error: unknown): boolean {
  return matches(error, 0, new Set());
}

function matches(error: unknown, depth: number, seen: Set<unknown>): boolean {
  if (typeof error !== "object" || error === null || depth > MAX_DEPTH || seen.has(error)) {
    return false;
  }
  seen.add(error);
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string") {
    if (SOCKET_CODES.has(code) || SQLSTATES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
  }
  if (typeof message === "string" && DRIVER_MESSAGES.some((pattern) => pattern.test(message))) {
    return true;
  }
  if (Array.isArray(errors) && errors.some((member) => matches(member, depth + 1, seen))) {
    return true;
  }
  return matches(cause, depth + 1, seen);
}
