import type { IncomingHttpHeaders } from "node:http";
import type { Logger } from "pino";
import type { Services } from "./services.ts";

/** What every procedure can reach without an HTTP request: tests, the worker and scripts build it. */
export interface InnerContext {
  services: Services;
  logger: Logger;
  requestId: string;
}

/** The per-request context: the inner one plus what the request says about its caller. */
export interface Context extends InnerContext {
  headers: IncomingHttpHeaders;
  /** The client address as the server saw it (proxy headers are resolved by the server). */
  clientIp: string | undefined;
}

export function createInnerContext(opts: InnerContext): InnerContext {
  return { services: opts.services, logger: opts.logger, requestId: opts.requestId };
}

export function createContext(
  opts: InnerContext & { headers: IncomingHttpHeaders; clientIp: string | undefined },
): Context {
  return { ...createInnerContext(opts), headers: opts.headers, clientIp: opts.clientIp };
}
