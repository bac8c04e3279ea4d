import { describe, expect, it } from "vitest";
import type { Paged } from "./board-order.ts";
import {
  flattenPages,
  isSamePlace,
  keyboardTarget,
  placementAt,
  withItemPlaced,
  withoutItem,
} from "./board-order.ts";

const a = { id: "a" };
const b = { id: "b" };
const c = { id: "c" };
const x = { id: "x" };

function paged(...pages: { id: string }[][]): Paged<{ id: string }> {
  return {
    pages: pages.map((items, i) => ({ items, nextCursor: i < pages.length - 1 ? `p${i}` : null })),
    pageParams: pages.map((_, i) => (i === 0 ? null : `p${i - 1}`)),
  };
}

const ids = (data: Paged<{ id: string }>) => data.pages.map((page) => page.items.map((i) => i.id));

describe("board order", () => {
  it("names the neighbour a drop index lands next to", () => {
    expect(placementAt([a, b, c], 0)).toEqual({ beforeId: "a" });
    expect(placementAt([a, b, c], 2)).toEqual({ afterId: "b" });
    expect(placementAt([a, b, c], 3)).toEqual({ afterId: "c" });
    expect(placementAt([], 0)).toEqual({});
  });

  it("sees a drop that changes nothing", () => {
    expect(isSamePlace([a, b, c], "b", { afterId: "a" })).toBe(true);
    expect(isSamePlace([a, b, c], "b", { beforeId: "c" })).toBe(true);
    expect(isSamePlace([a, b, c], "c", {})).toBe(true);
    expect(isSamePlace([a, b, c], "a", { afterId: "b" })).toBe(false);
    expect(isSamePlace([a, b], "x", {})).toBe(false);
  });

  it("flattens pages, keeping the first copy of a repeated row", () => {
    expect(flattenPages(paged([a, b], [b, c])).map((i) => i.id)).toEqual(["a", "b", "c"]);
    expect(flattenPages(undefined)).toEqual([]);
  });

  it("removes and places a task across pages", () => {
    const data = paged([a, b], [c]);
    expect(ids(withoutItem(data, "b"))).toEqual([["a"], ["c"]]);
    expect(ids(withItemPlaced(data, x, { afterId: "b" }))).toEqual([["a", "b", "x"], ["c"]]);
    expect(ids(withItemPlaced(data, x, { beforeId: "c" }))).toEqual([
      ["a", "b"],
      ["x", "c"],
    ]);
    expect(ids(withItemPlaced(data, x, {}))).toEqual([
      ["a", "b"],
      ["c", "x"],
    ]);
    expect(ids(data)).toEqual([["a", "b"], ["c"]]);
  });

  it("leaves a task sent to the end of a partly loaded column off the page", () => {
    const partial = { ...paged([a]), pages: [{ items: [a], nextCursor: "more" }] };
    expect(ids(withItemPlaced(partial, x, {}))).toEqual([["a"]]);
    expect(ids(withItemPlaced(paged([]), x, {}))).toEqual([["x"]]);
  });

  it("moves with the keyboard within and across columns", () => {
    const columns = { backlog: [a, b], todo: [c], in_progress: [], done: [], canceled: [] };
    expect(keyboardTarget(columns, "backlog", "b", "up")).toEqual({
      status: "backlog",
      beforeId: "a",
    });
    expect(keyboardTarget(columns, "backlog", "a", "down")).toEqual({
      status: "backlog",
      afterId: "b",
    });
    expect(keyboardTarget(columns, "backlog", "a", "up")).toBeNull();
    expect(keyboardTarget(columns, "backlog", "a", "left")).toBeNull();
    expect(keyboardTarget(columns, "backlog", "a", "right")).toEqual({
      status: "todo",
      beforeId: "c",
    });
    expect(keyboardTarget(columns, "todo", "c", "right")).toEqual({ status: "in_progress" });
  });
});
