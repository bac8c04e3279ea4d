"use client";

import { useLayoutEffect, useRef } from "react";

/**
 * Keeps `--viewport-top` on the element: how far below the top of the page it starts, so CSS
 * can size it to end at the bottom of the window (`calc(100dvh - var(--viewport-top))`) however
 * tall the header above it is. It follows the header as it wraps, or an alert appears above.
 */
export function useViewportTop<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const top = Math.round(element.getBoundingClientRect().top + window.scrollY);
      element.style.setProperty("--viewport-top", `${top}px`);
    };
    measure();
    // Anything above that grows or shrinks changes the page's size.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, []);
  return ref;
}
