import { describe, expect, it } from "vitest";
import { TraceBudget } from "./trace-budget.ts";

function clocked(perSecond: number) {
  let now = 1_000;
  const budget = new TraceBudget(perSecond, () => now);
  const takes = (count: number) => Array.from({ length: count }, () => budget.take());
  return { advance: (ms: number) => (now += ms), takes };
}

const granted = (results: boolean[]) => results.filter(Boolean).length;

describe("TraceBudget", () => {
  it("grants one second's worth at once, then nothing until time passes", () => {
    const { takes } = clocked(5);
    expect(granted(takes(100))).toBe(5);
    expect(granted(takes(10))).toBe(0);
  });

  it("refills at the rate, never beyond one second's worth", () => {
    const { advance, takes } = clocked(5);
    takes(5);
    advance(200); // one token
    expect(takes(3)).toEqual([true, false, false]);
    advance(60_000); // a long quiet spell still holds only five
    expect(granted(takes(100))).toBe(5);
  });

  it("spreads a rate below one a second over the seconds", () => {
    const { advance, takes } = clocked(0.5);
    expect(takes(3)).toEqual([true, false, false]);
    advance(1_000);
    expect(takes(1)).toEqual([false]);
    advance(1_000);
    expect(takes(2)).toEqual([true, false]);
  });

  it("over a minute of steady traffic grants the rate", () => {
    const { advance, takes } = clocked(10);
    let total = 0;
    for (let ms = 0; ms < 60_000; ms += 5) {
      advance(5);
      total += granted(takes(1));
    }
    // 600 refilled over the minute plus the full bucket it started with (one fewer when the
    // last refill's sum rounds just below a whole token).
    expect(total).toBeGreaterThanOrEqual(609);
    expect(total).toBeLessThanOrEqual(610);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => new TraceBudget(0)).toThrow(RangeError);
    expect(() => new TraceBudget(Number.NaN)).toThrow(RangeError);
  });
});
