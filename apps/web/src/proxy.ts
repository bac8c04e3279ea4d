import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { env } from "./env.ts";
import { SESSION_COOKIES } from "@tesseract/validators/wire";
import { pageCacheControl } from "./lib/page-cache.ts";
import { REQUEST_PATH_HEADER } from "./lib/request-path.ts";

/**
 * Forwards the browser's same-origin /trpc calls (so the session cookie stays first-party) to the
 * API server. This is a proxy rather than a `rewrites()` entry in next.config.ts because Next bakes
 * config rewrites into the build: one build could then never be pointed at another API_URL.
 * The API's Set-Cookie headers come back to the browser unchanged.
 *
 * Client address: the API limits sign-in attempts per IP and believes X-Forwarded-For only from
 * trusted (loopback) peers such as this server. Next gives proxy.ts no socket address; its server
 * fills `x-forwarded-for` with the peer's address when the request has none, and that value is
 * what is forwarded here (with every other request header). A request that already carries one
 * keeps it as sent — Next cannot append to it — so in production the web app belongs behind a
 * reverse proxy that sets X-Forwarded-For itself.
 */
function forwardToApi(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  return NextResponse.rewrite(`${env.API_URL}${pathname}${search}`);
}

/**
 * Tells server components which page was asked for (see REQUEST_PATH_HEADER), and lets the
 * browser keep the public pages for Back and Forward (see page-cache.ts).
 */
function annotatePage(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers } });
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const cacheControl = pageCacheControl(pathname, hasSession);
  if (cacheControl) response.headers.set("cache-control", cacheControl);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  // `/trpc` itself is the live WebSocket (an upgrade, which Next proxies too); the API reference
  // at /docs reads the API's OpenAPI document from this origin as well.
  return pathname === "/trpc" || pathname.startsWith("/trpc/") || pathname === "/openapi.json"
    ? forwardToApi(request)
    : annotatePage(request);
}

export const config = {
  // Pages, /trpc and the OpenAPI document; not Next's own assets.
  matcher: ["/trpc/:path*", "/openapi.json", "/((?!_next/|icon.svg|favicon.ico|robots.txt).*)"],
};
