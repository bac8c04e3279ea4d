"use client";

import dynamic from "next/dynamic";

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

export function ApiReference() {
  return (
    <div
      data-wide
      className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <ApiReferenceReact
        configuration={{
          url: "/openapi.json",
          hideClientButton: true,
          withDefaultFonts: false,
          darkMode:
            typeof document !== "undefined" && document.documentElement.classList.contains("dark"),
        }}
      />
    </div>
  );
}
