"use client";

import dynamic from "next/dynamic";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
// Scalar's own styles (scoped to its `.scalar-app` root): without them the reference renders
// as unstyled text. Imported here, they load with /docs alone.
import "@scalar/api-reference-react/style.css";

/**
 * Scalar's renderer, loaded only on this page and only in the browser: its script (a Vue app)
 * is large, and no other route should carry it.
 */
const ApiReferenceReact = dynamic(
  () => import("@scalar/api-reference-react").then((module) => module.ApiReferenceReact),
  {
    ssr: false,
    loading: () => (
      <p role="status" className="py-12 text-center text-sm text-zinc-500 dark:text-zinc-400">
        Loading the API reference…
      </p>
    ),
  },
);

/**
 * Scalar's theme, raised to WCAG AA contrast (4.5:1): its light green (GET, 200) is 3.9:1 on
 * white, and its third text colour (placeholders, the client tabs) 3.2:1 in the light theme and
 * 4.2:1 in the dark one.
 */
const CONTRAST_CSS = [
  ".light-mode { --scalar-color-green: #047857; --scalar-color-3: #696969; }",
  ".dark-mode { --scalar-color-3: #929292; }",
].join("\n");

/**
 * Scalar's code samples scroll sideways, so each is a Tab stop, named, with the role "group",
 * which is not one a Tab stop may have; a named region is (axe: focus-order-semantics).
 * Marked as they render.
 */
function useCodeSampleRegions(root: HTMLElement | null) {
  useEffect(() => {
    if (!root) return;
    const mark = () => {
      for (const sample of root.querySelectorAll('[tabindex="0"][aria-label^="Code sample"]'))
        if (sample.getAttribute("role") !== "region") sample.setAttribute("role", "region");
    };
    mark();
    // Scalar renders operations as they scroll into view: one pass a frame, however many.
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          mark();
        });
    });
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["role"],
    });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [root]);
}

/** Follows the theme switcher, which sets `<html class="dark">`, as it changes. */
function subscribeToTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => {
    observer.disconnect();
  };
}
const isDark = () => document.documentElement.classList.contains("dark");

export function ApiReference() {
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  useCodeSampleRegions(root);
  const dark = useSyncExternalStore(subscribeToTheme, isDark, () => false);
  // One object per theme: Scalar applies a new configuration object whenever it gets one.
  const configuration = useMemo(
    () => ({
      url: "/openapi.json",
      hideClientButton: true,
      // Nothing on this page talks to Scalar's own services: no "Ask AI" agent (it sends the
      // document and questions to them), no usage telemetry, no toolbar offering their
      // hosting and SDK generation (shown on localhost by default).
      agent: { disabled: true },
      telemetry: false,
      showDeveloperTools: "never" as const,
      customCss: CONTRAST_CSS,
      withDefaultFonts: false,
      // The page's theme, not a switch of Scalar's own.
      forceDarkModeState: dark ? ("dark" as const) : ("light" as const),
      hideDarkModeToggle: true,
    }),
    [dark],
  );
  return (
    <div
      ref={setRoot}
      data-wide
      className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      {/* Scalar reads the theme when it starts (it marks <body> light-mode or dark-mode): a
          change of theme starts it again. */}
      <ApiReferenceReact key={dark ? "dark" : "light"} configuration={configuration} />
    </div>
  );
}
