import { describe, expect, it } from "vitest";
import { suggestProjectKey } from "./project-key.ts";

describe("suggestProjectKey", () => {
  it("abbreviates one word and takes the initials of several", () => {
    expect(suggestProjectKey("Engineering")).toBe("ENG");
    expect(suggestProjectKey("Mobile App")).toBe("MA");
    expect(suggestProjectKey("the big new website redesign")).toBe("TBNW");
    expect(suggestProjectKey("Q3 roadmap")).toBe("QR");
  });

  it("never starts with a digit and needs two characters", () => {
    expect(suggestProjectKey("2027 plans")).toBe("PLA");
    expect(suggestProjectKey("")).toBe("");
    expect(suggestProjectKey("X")).toBe("");
    expect(suggestProjectKey("Ops")).toBe("OPS");
  });
});
