import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and while React hydrates it, true once this component's code runs in
 * the browser. A form whose code loads apart from the page (`next/dynamic`) renders disabled until
 * then, so nothing typed into it before hydration is dropped: the browser keeps it from being
 * typed into at all.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
