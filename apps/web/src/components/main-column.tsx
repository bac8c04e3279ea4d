"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { isWidePage } from "~/lib/wide-pages.ts";

/**
 * The page's <main>. Its width is decided from the URL, in the first HTML the server sends, so
 * it does not change when a wide page's content streams in after its skeleton (a layout shift
 * over the whole page). Other pages that need the room can still mark themselves data-wide.
 */
export function MainColumn({ children }: { children: ReactNode }) {
  const wide = isWidePage(usePathname());
  return (
    <main
      id="main"
      data-wide={wide ? "" : undefined}
      className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-12 has-[[data-wide]]:max-w-7xl data-wide:max-w-7xl"
    >
      {children}
    </main>
  );
}
