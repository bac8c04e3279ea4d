import type { Route } from "next";
import { notFound, redirect } from "next/navigation";
import { apiErrorCode } from "~/lib/api-error.ts";
import { signInPath } from "~/lib/safe-next.ts";

export interface PageErrorOptions {
  /** The page the visitor asked for, to come back to after signing in. */
  requestedPath: string | null;
  /**
   * The call names something from the URL (an id, a key, a token): a malformed one is refused
   * with BAD_REQUEST and reads as "no such thing", a 404, like an unknown one.
   */
  urlNamesIt?: boolean;
}

/**
 * What a page does when the API refused what it needs: a session that has ended goes to sign-in
 * (and back here afterwards), something missing is the route's not-found page, and anything else
 * is rethrown for the route's error.tsx to explain.
 */
export function throwForPage(error: unknown, options: PageErrorOptions): never {
  const code = apiErrorCode(error);
  if (code === "UNAUTHORIZED") redirect(signInPath(options.requestedPath) as Route);
  if (code === "NOT_FOUND" || (options.urlNamesIt === true && code === "BAD_REQUEST")) notFound();
  throw error;
}
