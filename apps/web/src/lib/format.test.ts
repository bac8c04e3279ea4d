import { describe, expect, it } from "vitest";
import { formatDuration, formatLatency } from "./format.ts";

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [-5, "0 s"],
    [12.7, "12 s"],
    [249, "4 min 9 s"],
    [3_600, "1 h"],
    [7_500, "2 h 5 min"],
    [273_600, "3 d 4 h"],
    [86_401, "1 d"],
  ])("formats %s seconds as %s", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe("formatLatency", () => {
  it("rounds to whole milliseconds", () => {
    expect(formatLatency(0.2)).toBe("<1 ms");
    expect(formatLatency(1)).toBe("1 ms");
    expect(formatLatency(12.6)).toBe("13 ms");
  });
});
