/** Where a task goes in a column: right after one task, right before one, or (neither) at the end. */
export interface Placement {
  afterId?: string;
  beforeId?: string;
}

export interface Target extends Placement {
  /** The column: the id of a project status. */
  status: string;
}

interface Identified {
  id: string;
}

/** The shape React Query keeps for a paged `task.list`. */
export interface Paged<T> {
  pages: { items: T[]; nextCursor: string | null }[];
  pageParams: unknown[];
}

/** The placement that puts a task at `index` of `items` (the column without that task). */
export function placementAt(items: readonly Identified[], index: number): Placement {
  const after = index > 0 ? items[index - 1] : undefined;
  if (after) return { afterId: after.id };
  const before = items[index];
  return before ? { beforeId: before.id } : {};
}

/** Whether a placement leaves the task where it already is. */
export function isSamePlace(
  items: readonly Identified[],
  taskId: string,
  placement: Placement,
): boolean {
  const index = items.findIndex((item) => item.id === taskId);
  if (index === -1) return false;
  if (placement.afterId) return items[index - 1]?.id === placement.afterId;
  if (placement.beforeId) return items[index + 1]?.id === placement.beforeId;
  return index === items.length - 1;
}

/** Every loaded item once, in order (a page boundary may repeat a row after concurrent moves). */
export function flattenPages<T extends Identified>(data: Paged<T> | undefined): T[] {
  const seen = new Set<string>();
  const items: T[] = [];
  for (const page of data?.pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

export function withoutItem<T extends Identified, D extends Paged<T>>(data: D, id: string): D {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((item) => item.id !== id),
    })),
  };
}

/**
 * The pages with `item` placed as the API will place it. With neither neighbour the API puts it
 * after the column's last task, which is on the page shown only if every page is loaded.
 */
export function withItemPlaced<T extends Identified, D extends Paged<T>>(
  data: D,
  item: T,
  placement: Placement,
): D {
  const anchorId = placement.afterId ?? placement.beforeId;
  const pages = data.pages.map((page) => ({ ...page, items: [...page.items] }));
  if (anchorId) {
    for (const page of pages) {
      const index = page.items.findIndex((candidate) => candidate.id === anchorId);
      if (index === -1) continue;
      page.items.splice(placement.afterId ? index + 1 : index, 0, item);
      return { ...data, pages };
    }
    return data;
  }
  const last = pages.at(-1);
  if (!last) return { ...data, pages: [{ items: [item], nextCursor: null }] };
  if (last.nextCursor === null) last.items.push(item);
  return { ...data, pages };
}

export type Direction = "up" | "down" | "left" | "right";

/**
 * Where the keyboard sends a task: up or down one place in its column, or to the top of the
 * column beside it. Null when it is already at that edge.
 */
export function keyboardTarget(
  columns: Record<string, readonly Identified[]>,
  status: string,
  taskId: string,
  direction: Direction,
  /** The columns left to right (by default, the order of `columns`' keys). */
  order: readonly string[] = Object.keys(columns),
): Target | null {
  const items = columns[status] ?? [];
  const index = items.findIndex((item) => item.id === taskId);
  if (index === -1) return null;
  if (direction === "up") {
    const previous = items[index - 1];
    return previous ? { status, beforeId: previous.id } : null;
  }
  if (direction === "down") {
    const next = items[index + 1];
    return next ? { status, afterId: next.id } : null;
  }
  const column = order.indexOf(status) + (direction === "left" ? -1 : 1);
  const target = column >= 0 ? order[column] : undefined;
  if (!target) return null;
  const first = columns[target]?.[0];
  return first ? { status: target, beforeId: first.id } : { status: target };
}
