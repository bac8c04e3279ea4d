"use client";

import type { Range } from "@tanstack/react-virtual";
import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef } from "react";
import type { ColumnQuery } from "./use-board-columns.ts";

/** A card's height before it is measured: a key, a two-line title and one row of badges. */
const CARD_ESTIMATE_PX = 104;
export const CARD_GAP_PX = 10;
/**
 * The column's box before the browser has measured it: what the server renders (and the first
 * render in the browser, which must match it) is the cards a column of this size shows.
 */
const FIRST_RECT = { width: 288, height: 760 };
/** Fetch the next page when this few loaded cards are left below the last one drawn. */
const PREFETCH_CARDS = 8;

/**
 * A column's cards, drawn only around what its scroll box shows: a column of a thousand cards
 * keeps a few dozen in the DOM. The card holding the column's Tab stop (`keepIndex`) is always
 * drawn, so the keyboard can reach it wherever the column is scrolled. Scrolling near the end
 * of the loaded cards fetches the next page.
 */
export function useColumnVirtualizer(
  itemIds: readonly string[],
  keepIndex: number,
  query: ColumnQuery,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (keepIndex < 0 || keepIndex >= range.count || indexes.includes(keepIndex)) return indexes;
      return [...indexes, keepIndex].sort((a, b) => a - b);
    },
    [keepIndex],
  );
  const virtualizer = useVirtualizer({
    count: itemIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE_PX,
    getItemKey: (index) => itemIds[index] ?? index,
    gap: CARD_GAP_PX,
    overscan: 3,
    initialRect: FIRST_RECT,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  // The last card in view (plus overscan), leaving out the kept card drawn wherever it is.
  const lastDrawn = virtualizer.range?.endIndex ?? -1;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  useEffect(() => {
    if (!hasNextPage || isFetchingNextPage || isFetchNextPageError) return;
    if (lastDrawn >= itemIds.length - PREFETCH_CARDS) void fetchNextPage();
  }, [
    lastDrawn,
    itemIds.length,
    hasNextPage,
    isFetchingNextPage,
    isFetchNextPageError,
    fetchNextPage,
  ]);
  return { scrollRef, virtualizer, items, totalSize: virtualizer.getTotalSize() };
}
