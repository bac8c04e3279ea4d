import type { IncomingHttpHeaders } from "node:http";
import type { Logger } from "@tesseract/config";
import type { Database, Transaction } from "@tesseract/db";
import type { LogFields } from "@tesseract/telemetry";
import { loggerWithFields } from "./logger.ts";
import type { LiveConnection } from "./live/connection.ts";
import type { Services } from "./services.ts";

/** What the request says about its caller. */
export interface RequestInfo {
  headers: IncomingHttpHeaders;
  /** The client address (X-Forwarded-For is believed only from trusted proxies). */
  clientIp: string | null;
  userAgent: string | null;
  /** Calls this HTTP request carries (a batch has several); 1 without HTTP. */
  calls: number;
}

/** What a procedure may add to the response besides its result. */
export interface ResponseControl {
  setHeader(name: string, value: string): void;
  appendCookie(cookie: string): void;
}

export interface Context {
  services: Services;
  /** Writes `logFields` on every line. */
  logger: Logger;
  /**
   * The request id, procedure, person and organization for the log lines of this call: the
   * middlewares fill them in as they learn them (a batch's later calls get their own).
   */
  logFields: LogFields;
  requestId: string;
  request: RequestInfo;
  response: ResponseControl;
  /** The WebSocket or SSE connection a subscription runs on (absent for plain requests). */
  live?: LiveConnection;
  /**
   * The transaction a policy opened around the procedure (the idempotency record's), which the
   * procedure's work joins through `transact` so both commit or roll back together.
   */
  transaction?: Transaction<Database>;
  /** What must wait for that transaction's commit (live events): run by the policy after it. */
  afterCommit?: (() => Promise<void>)[];
  /**
   * A mutation's live events, held until its cache tags are bumped: `orgProcedure` publishes
   * them after invalidating, before it answers, so a client that refetches on an event cannot
   * be served the entry the change made stale.
   */
  afterInvalidation?: (() => Promise<void>)[];
}

/** A response that records what procedures set, for callers without HTTP (tests, scripts). */
export function recordingResponse(): ResponseControl & {
  headers: Map<string, string>;
  cookies: string[];
} {
  const headers = new Map<string, string>();
  const cookies: string[] = [];
  return {
    headers,
    cookies,
    setHeader: (name, value) => headers.set(name.toLowerCase(), value),
    appendCookie: (cookie) => cookies.push(cookie),
  };
}

/** The context without an HTTP request: tests, the worker and scripts build this one. */
export function createInnerContext(opts: {
  services: Services;
  logger: Logger;
  requestId: string;
  request?: Partial<RequestInfo>;
  response?: ResponseControl;
  live?: LiveConnection;
}): Context {
  const logFields: LogFields = { requestId: opts.requestId };
  return {
    ...(opts.live ? { live: opts.live } : {}),
    services: opts.services,
    logger: loggerWithFields(opts.logger, logFields),
    logFields,
    requestId: opts.requestId,
    request: { headers: {}, clientIp: null, userAgent: null, calls: 1, ...opts.request },
    response: opts.response ?? recordingResponse(),
  };
}
