import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher.ts";

describe("createBatcher", () => {
  it("sends a lone call alone, and groups the calls made while a flush is in flight", async () => {
    const flushed: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const double = createBatcher(
      async (items: number[]) => {
        flushed.push(items);
        if (flushed.length === 1) await gate;
        return items.map((n) => n * 2);
      },
      { max: 3 },
    );
    const first = double(1);
    await expect.poll(() => flushed.length).toBe(1);
    // Made while the first flush is in flight: they wait for it, then go by threes.
    const rest = [2, 3, 4, 5].map((n) => double(n));
    release();
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8, 10]);
    expect(flushed).toEqual([[1], [2, 3, 4], [5]]);
  });

  it("rejects every call of a batch whose flush fails, and goes on with the next", async () => {
    let fail = true;
    const echo = createBatcher(
      (items: string[]) => (fail ? Promise.reject(new Error("down")) : Promise.resolve(items)),
      { max: 10 },
    );
    const failed = [echo("a"), echo("b")];
    await expect(Promise.all(failed)).rejects.toThrow("down");
    await Promise.allSettled(failed);
    fail = false;
    expect(await echo("c")).toBe("c");
  });
});
