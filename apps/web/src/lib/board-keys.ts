interface Identified {
  id: string;
}

/** A card to focus: its column (the id of the project status it shows) and its id. */
export interface CardRef {
  status: string;
  taskId: string;
}

/**
 * Where a key sends the focus on the board, or null when it stays (at an edge, or not a
 * navigation key). Up and Down go through the column, Home and End to its first and last
 * loaded card; Left and Right to the nearest column with cards, on that column's Tab stop
 * (the card last focused there, or its first).
 */
export function cardForKey(
  columns: Record<string, readonly Identified[]>,
  tabStops: Partial<Record<string, string | null>>,
  from: CardRef,
  key: string,
  /** The columns left to right (by default, the order of `columns`' keys). */
  order: readonly string[] = Object.keys(columns),
): CardRef | null {
  const items = columns[from.status] ?? [];
  const index = items.findIndex((item) => item.id === from.taskId);
  if (index === -1) return null;
  const inColumn = (target: Identified | undefined) =>
    target && target.id !== from.taskId ? { status: from.status, taskId: target.id } : null;
  switch (key) {
    case "ArrowUp":
      return inColumn(items[index - 1]);
    case "ArrowDown":
      return inColumn(items[index + 1]);
    case "Home":
      return inColumn(items[0]);
    case "End":
      return inColumn(items.at(-1));
    case "ArrowLeft":
    case "ArrowRight": {
      const step = key === "ArrowLeft" ? -1 : 1;
      for (
        let column = order.indexOf(from.status) + step;
        column >= 0 && column < order.length;
        column += step
      ) {
        const status = order[column]!;
        const cards = columns[status] ?? [];
        const first = cards[0];
        if (!first) continue;
        const stop = tabStops[status];
        const taskId = stop && cards.some((item) => item.id === stop) ? stop : first.id;
        return { status, taskId };
      }
      return null;
    }
    default:
      return null;
  }
}
