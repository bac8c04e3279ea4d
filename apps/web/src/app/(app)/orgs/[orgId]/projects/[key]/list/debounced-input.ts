"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A text field's draft that follows `value` (the URL's) and reports changes after a pause in
 * typing, so each keystroke does not replace the page's URL and refetch.
 */
export function useDebouncedDraft(value: string, onCommit: (value: string) => void, delay = 350) {
  const [draft, setDraft] = useState(value);
  const [synced, setSynced] = useState(value);
  // The URL changed without us (back button, "Clear filters"): show what it says.
  if (value !== synced) {
    setSynced(value);
    setDraft(value);
  }
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => {
      commit.current(draft);
    }, delay);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, value, delay]);
  return {
    draft,
    setDraft,
    flush: () => {
      if (draft !== value) commit.current(draft);
    },
  };
}
