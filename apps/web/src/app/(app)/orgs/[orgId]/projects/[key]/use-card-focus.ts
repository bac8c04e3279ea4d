"use client";

import { useEffect, useRef, useState } from "react";
import type { CardRef } from "~/lib/board-keys.ts";

/**
 * The board's roving focus: each column is one Tab stop (the card last focused there, or its
 * first), and `focusCard` moves the focus to a card once it is drawn — after a move puts it in
 * another column, or after scrolling brings it into a virtual list.
 */
export function useCardFocus() {
  const [tabStops, setTabStops] = useState<Partial<Record<string, string>>>({});
  const pending = useRef<CardRef | null>(null);
  // A new value each request, so a render (and the effect below) follows every one.
  const [, setRequest] = useState(0);

  useEffect(() => {
    const target = pending.current;
    if (!target) return;
    const link = document.querySelector<HTMLElement>(
      `[data-status-id="${target.status}"] [data-task-id="${target.taskId}"] a`,
    );
    // Not drawn yet (an optimistic move lands after a tick): the next render tries again.
    if (!link) return;
    if (document.activeElement !== link) link.focus();
    pending.current = null;
  });

  const keepTabStop = (card: CardRef) => {
    setTabStops((stops) =>
      stops[card.status] === card.taskId ? stops : { ...stops, [card.status]: card.taskId },
    );
  };

  return {
    tabStops,
    /** A card took the focus (by pointer, Tab or arrow): it becomes its column's Tab stop. */
    keepTabStop,
    focusCard: (card: CardRef) => {
      pending.current = card;
      keepTabStop(card);
      setRequest((count) => count + 1);
    },
  };
}
