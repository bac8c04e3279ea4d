"use client";

import { useCallback, useMemo, useRef, useState } from "react";

/**
 * Which rows of the list are selected. A click toggles one row; a shift-click sets every row
 * between it and the last one clicked to the clicked row's new state, as in a mail client.
 * Rows that left the list (filtered out, deleted) drop out of the selection.
 */
export function useTaskSelection(visibleIds: readonly string[]) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const selected = useMemo(
    () => new Set(visibleIds.filter((id) => chosen.has(id))),
    [visibleIds, chosen],
  );

  const toggle = useCallback(
    (id: string, withRange: boolean) => {
      setChosen((previous) => {
        const next = new Set(previous);
        const on = !previous.has(id);
        const from = anchor.current ? visibleIds.indexOf(anchor.current) : -1;
        const to = visibleIds.indexOf(id);
        const range =
          withRange && from >= 0 && to >= 0
            ? visibleIds.slice(Math.min(from, to), Math.max(from, to) + 1)
            : [id];
        for (const each of range) {
          if (on) next.add(each);
          else next.delete(each);
        }
        return next;
      });
      anchor.current = id;
    },
    [visibleIds],
  );

  const setAll = useCallback(
    (on: boolean) => {
      setChosen(on ? new Set(visibleIds) : new Set());
      anchor.current = null;
    },
    [visibleIds],
  );

  return { selected, toggle, setAll };
}
