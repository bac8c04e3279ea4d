/** Where to go after signing in when no (usable) return path was given. */
export const DEFAULT_AFTER_SIGN_IN = "/orgs";

// Anything that is not a plain printable path character (control characters, backslashes that
// browsers treat as slashes) disqualifies the whole value rather than being cleaned up.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;
const BASE = "http://tesseract.invalid";

/**
 * A `?next=` return path, but only if it stays on this site: a relative path such as
 * `/orgs/1/members?tab=x`. Absolute URLs, protocol-relative `//evil.example` and `/\evil`
 * (which browsers read as `//`) fall back, so a crafted sign-in link cannot send people away.
 */
export function safeNextPath(
  raw: string | null | undefined,
  fallback: string = DEFAULT_AFTER_SIGN_IN,
): string {
  if (!raw || raw.length > 2_000 || !raw.startsWith("/") || raw.startsWith("//")) return fallback;
  if (UNSAFE_CHARACTERS.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // Next's client-side navigations carry this cache-busting parameter; it is not part of the page.
  url.searchParams.delete("_rsc");
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/sign-in?next=…` that brings the visitor back to `path` afterwards. */
export function signInPath(path: string | null | undefined): string {
  const next = safeNextPath(path, "");
  return next && next !== DEFAULT_AFTER_SIGN_IN
    ? `/sign-in?next=${encodeURIComponent(next)}`
    : "/sign-in";
}

/** The same link for another auth page (sign-up, sign-in), keeping the return path. */
export function withNext(page: "/sign-in" | "/sign-up", next: string | null | undefined): string {
  const safe = safeNextPath(next, "");
  return safe ? `${page}?next=${encodeURIComponent(safe)}` : page;
}
