"use client";

import dynamic from "next/dynamic";

/**
 * Where toasts appear (bottom right). sonner loads after the page is interactive, apart from
 * every route's first-load JavaScript; `notify()` in `./toast.ts` loads the same chunk.
 */
const SonnerToaster = dynamic(() => import("sonner").then((module) => module.Toaster), {
  ssr: false,
});

export function Toaster() {
  return (
    <SonnerToaster
      position="bottom-right"
      closeButton
      toastOptions={{
        unstyled: true,
        classNames: {
          toast:
            "flex w-full items-center gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
          title: "font-medium",
          description: "text-zinc-600 dark:text-zinc-300",
          actionButton:
            "ml-auto rounded-md bg-zinc-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300",
          closeButton:
            "rounded-md border border-zinc-200 bg-white text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
          error: "border-red-300 dark:border-red-800",
        },
      }}
    />
  );
}
