import { describe, expect, it } from "vitest";
import { formatBytes, isExportSettled } from "./exports.ts";

describe("exports", () => {
  it("formats sizes in decimal units", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1_500)).toBe("1.5 kB");
    expect(formatBytes(7_200_000)).toBe("7.2 MB");
    expect(formatBytes(42_000_000)).toBe("42 MB");
  });

  it("stops asking once an export is ready or failed", () => {
    expect(isExportSettled("queued")).toBe(false);
    expect(isExportSettled("running")).toBe(false);
    expect(isExportSettled("ready")).toBe(true);
    expect(isExportSettled("failed")).toBe(true);
  });
});
