"use client";

import type { ReactNode } from "react";
import { Component } from "react";

interface Places {
  /** Every column's scroll box and how far down it was scrolled. */
  offsets: [Element, number][];
  focused: Element | null;
}

interface Props {
  /** The columns' status ids, in order: the places are kept when it changes. */
  order: string;
  children: ReactNode;
}

/**
 * Keeps every column's scroll position, and the focused card, when the columns change order.
 * React puts keyed elements in their new order with insertBefore, moving the column that moved
 * and often some it passed as well; a moved element loses its scroll offset, and the focus when
 * it held it. So right before such a commit this reads the columns' offsets and the focused
 * element, and right after it puts them back (the same offset, or focusing the focused element,
 * changes nothing). Only a class has a hook into the moment before React changes the DOM
 * (getSnapshotBeforeUpdate). Nothing is done on any other update, so a scroll in progress is
 * never undone.
 */
export class KeepColumnPlaces extends Component<Props> {
  override getSnapshotBeforeUpdate(previous: Readonly<Props>): Places | null {
    if (previous.order === this.props.order) return null;
    const boxes = document.querySelectorAll("[data-column-scroll]");
    return {
      offsets: [...boxes].map((box): [Element, number] => [box, box.scrollTop]),
      focused: document.activeElement,
    };
  }

  override componentDidUpdate(_props: Readonly<Props>, _state: unknown, places: Places | null) {
    if (!places) return;
    for (const [box, top] of places.offsets) box.scrollTop = top;
    if (places.focused instanceof HTMLElement) places.focused.focus({ preventScroll: true });
  }

  override render() {
    return this.props.children;
  }
}
