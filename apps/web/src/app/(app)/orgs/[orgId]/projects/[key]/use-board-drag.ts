"use client";

import type { DragEvent } from "react";
import { useState } from "react";

export interface DropTarget {
  /** The column: a project status id. */
  status: string;
  /** Where in the column (without the dragged card) the card would land. */
  index: number;
}

interface Dragging {
  taskId: string;
  from: string;
}

const DRAG_TYPE = "application/x-tesseract-task";

/**
 * The index among a column's other cards that the pointer is above (by card midpoints). Only
 * the cards in view are drawn; each carries its index among the others (`data-drop-index`).
 */
function indexAt(column: HTMLElement, clientY: number): number {
  const cards = [...column.querySelectorAll<HTMLElement>("[data-drop-index]")];
  for (const card of cards) {
    const box = card.getBoundingClientRect();
    if (clientY < box.top + box.height / 2) return Number(card.dataset.dropIndex);
  }
  const last = cards.at(-1);
  return last ? Number(last.dataset.dropIndex) + 1 : 0;
}

/**
 * Native HTML drag and drop for the board (no library: it also works with touch in current
 * mobile browsers, and the keyboard alternative covers everyone else).
 */
export function useBoardDrag(onDrop: (taskId: string, from: string, target: DropTarget) => void) {
  const [dragging, setDragging] = useState<Dragging | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);

  const end = () => {
    setDragging(null);
    setDropTarget(null);
  };

  const cardProps = (taskId: string, from: string) => ({
    draggable: true,
    onDragStart: (event: DragEvent<HTMLElement>) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData(DRAG_TYPE, taskId);
      setDragging({ taskId, from });
    },
    onDragEnd: end,
  });

  const columnProps = (status: string) => ({
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!dragging) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      const index = indexAt(event.currentTarget, event.clientY);
      if (dropTarget?.status !== status || dropTarget.index !== index) {
        setDropTarget({ status, index });
      }
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
        setDropTarget((target) => (target?.status === status ? null : target));
      }
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      if (!dragging) return;
      event.preventDefault();
      const index = indexAt(event.currentTarget, event.clientY);
      onDrop(dragging.taskId, dragging.from, { status, index });
      end();
    },
  });

  return { draggingId: dragging?.taskId ?? null, dropTarget, cardProps, columnProps };
}
