import { describe, expect, it } from "vitest";
import { isWidePage } from "./wide-pages.ts";

describe("isWidePage", () => {
  it("widens a project's board, list and workflow", () => {
    expect(isWidePage("/orgs/o1/projects/ENG")).toBe(true);
    expect(isWidePage("/orgs/o1/projects/ENG/list")).toBe(true);
    expect(isWidePage("/orgs/o1/projects/ENG/list/")).toBe(true);
    expect(isWidePage("/orgs/o1/projects/ENG/workflow")).toBe(true);
  });

  it("keeps every other page at the normal width", () => {
    for (const path of [
      "/",
      "/orgs/o1/projects",
      "/orgs/o1/tasks/ENG-1",
      "/orgs/o1/projects/ENG/x",
      "/orgs/o1/projects/ENG/workflows",
    ])
      expect(isWidePage(path), path).toBe(false);
  });
});
