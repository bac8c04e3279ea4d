"use client";

import { useEffect, useRef } from "react";

/** Whether a key press belongs to a field the person is typing in. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * A single-key page shortcut (like "c" for a new task), or one with Shift held (`shift`, like
 * Shift+M to move a task): ignored while typing, with another modifier held, or while a modal
 * dialog is open. A Shift shortcut does not answer the bare key.
 */
export function useShortcut(
  key: string,
  onPress: () => void,
  enabled = true,
  { shift = false }: { shift?: boolean } = {},
): void {
  const handler = useRef(onPress);
  useEffect(() => {
    handler.current = onPress;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== key || event.repeat) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (shift && !event.shiftKey) return;
      if (isTypingTarget(event.target) || document.querySelector("dialog[open]")) return;
      event.preventDefault();
      handler.current();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [key, enabled, shift]);
}
