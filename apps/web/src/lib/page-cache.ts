/**
 * What a page's document may be kept as, by the browser only (`private`: never a shared cache).
 *
 * Next sends every dynamic page with `no-store`, which also keeps it out of the back/forward
 * cache, so going back to it loads it again. That is right for whatever a session can see (an
 * organization's data, a person's name in the header: after signing out on a shared computer,
 * Back must not show it again from memory), and needless for the public pages a visitor without
 * a session sees, which are the same for everyone: those are revalidated on every load
 * (`no-cache`) but may be kept for Back and Forward.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = "private, no-cache, max-age=0, must-revalidate";

/** The pages that show nothing private to a visitor without a session. */
const PUBLIC_PAGES = /^\/(?:|status|sign-in|sign-up|docs(?:\/.*)?)$/;

/** The Cache-Control for a page request, or null to keep Next's own (`no-store`). */
export function pageCacheControl(pathname: string, hasSession: boolean): string | null {
  return !hasSession && PUBLIC_PAGES.test(pathname) ? PUBLIC_PAGE_CACHE_CONTROL : null;
}
