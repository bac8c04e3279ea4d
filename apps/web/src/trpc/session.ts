import "server-only";

import { SESSION_COOKIES } from "@tesseract/validators/wire";
import type { Route } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { isApiError } from "~/lib/api-error.ts";
import { signInPath } from "~/lib/safe-next.ts";
import type { Me } from "./types.ts";
import { getServerClient, requestedPath } from "./request.ts";

/**
 * Who is signed in (one `auth.me` per request), or null for a visitor without a session. Asked
 * with the plain client, so the root layout's header carries no React Query code to the browser.
 */
export const getMe = cache(async (): Promise<Me | null> => {
  // Without a session cookie there is nobody to ask about: spare the API a call per page view.
  const jar = await cookies();
  if (!SESSION_COOKIES.some((name) => jar.has(name))) return null;
  try {
    return await getServerClient().auth.me.query();
  } catch (error) {
    if (isApiError(error, "UNAUTHORIZED")) return null;
    throw error;
  }
});

/** Like getMe, but a visitor without a session goes to sign-in and comes back here afterwards. */
export async function requireMe(): Promise<Me> {
  const me = await getMe();
  if (!me) redirect(signInPath(await requestedPath()) as Route);
  return me;
}
