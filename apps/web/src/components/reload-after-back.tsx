"use client";

import { useEffect } from "react";

const hideIfKept = (event: PageTransitionEvent) => {
  if (event.persisted) document.documentElement.style.visibility = "hidden";
};
const reloadIfRestored = (event: PageTransitionEvent) => {
  if (event.persisted) window.location.reload();
};

/**
 * Signed-in pages are never shown again from the back/forward cache: they hold an
 * organization's data, which must not come back from memory (after signing out on a shared
 * computer, say). `Cache-Control: no-store` no longer keeps a page out of Chromium's cache when
 * no cookie changed meanwhile, so a page that goes into it is hidden first and, if Back brings
 * it again, loaded afresh: the data as it is now, or the sign-in page once the session ended.
 */
export function ReloadAfterBack() {
  useEffect(() => {
    window.addEventListener("pagehide", hideIfKept);
    window.addEventListener("pageshow", reloadIfRestored);
    return () => {
      window.removeEventListener("pagehide", hideIfKept);
      window.removeEventListener("pageshow", reloadIfRestored);
    };
  }, []);
  return null;
}
