import { describe, expect, it } from "vitest";
import { positionBetween } from "./position.ts";

describe("positionBetween", () => {
  it("orders keys byte by byte, with room at both ends", () => {
    const first = positionBetween(null, null);
    const after = positionBetween(first, null);
    const before = positionBetween(null, first);
    expect([before, first, after]).toEqual([before, first, after].sort());
    expect(before < first && first < after).toBe(true);
  });

  it("always finds a key between two neighbours, however often squeezed", () => {
    let low = positionBetween(null, null);
    const high = positionBetween(low, null);
    for (let i = 0; i < 500; i++) {
      const mid = positionBetween(low, high);
      expect(mid > low && mid < high).toBe(true);
      low = mid;
    }
  });

  it("keeps order across many random insertions", () => {
    const keys: string[] = [];
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2_000; i++) {
      const index = Math.floor(random() * (keys.length + 1));
      const key = positionBetween(keys[index - 1] ?? null, keys[index] ?? null);
      keys.splice(index, 0, key);
    }
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps keys short when cards are appended, however many", () => {
    // The old scheme grew by one character every ~30 appends (2,000 characters at 10,000).
    let last: string | null = null;
    for (let i = 0; i < 10_000; i++) last = positionBetween(last, null);
    expect(last!.length).toBeLessThanOrEqual(4);
    let first: string | null = null;
    for (let i = 0; i < 10_000; i++) first = positionBetween(null, first);
    expect(first!.length).toBeLessThanOrEqual(4);
  });

  it("refuses neighbours out of order", () => {
    expect(() => positionBetween("a1", "a0")).toThrow(/out of order/);
  });
});
