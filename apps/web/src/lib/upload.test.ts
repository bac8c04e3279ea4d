import { describe, expect, it } from "vitest";
import { formatFileSize } from "./upload.ts";

describe("formatFileSize", () => {
  it.each([
    [1, "1 byte"],
    [1023, "1023 bytes"],
    [1536, "1.5 KB"],
    [10 * 1024 * 1024, "10 MB"],
    [3.25 * 1024 ** 3, "3.3 GB"],
  ])("%d → %s", (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});
