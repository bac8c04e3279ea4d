import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { env } from "./env.ts";

/**
 * Forwards the browser's same-origin /trpc calls (so the session cookie stays first-party) to the
 * API server. This is a proxy rather than a `rewrites()` entry in next.config.ts because Next bakes
 * config rewrites into the build: one build could then never be pointed at another API_URL.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  return NextResponse.rewrite(`${env.API_URL}${pathname}${search}`);
}

export const config = { matcher: "/trpc/:path*" };
