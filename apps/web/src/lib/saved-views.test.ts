import { describe, expect, it } from "vitest";
import { parseRelation } from "./my-issues.ts";
import { emptyFilters, parseTaskFilters } from "./task-filters.ts";
import {
  filtersToView,
  hasViewWorthSaving,
  listSearch,
  viewSearch,
  viewToFilters,
} from "./saved-views.ts";

const labelId = "0b6f4c52-3f1e-4d3a-9a57-2f1c8e0d9b11";

describe("saved views in the URL", () => {
  it("round-trips a list's filters through a view", () => {
    const filters = parseTaskFilters(
      new URLSearchParams(
        `q=login&status=todo,done&priority=urgent&label=${labelId}&sort=due&dir=desc`,
      ),
    );
    const view = filtersToView(filters);
    expect(view).toEqual({
      q: "login",
      status: ["todo", "done"],
      priority: ["urgent"],
      label: labelId,
      sort: "due",
      direction: "desc",
    });
    expect(viewToFilters(view)).toEqual(filters);
    expect(viewSearch(view, false)).toBe(
      `?q=login&status=todo%2Cdone&priority=urgent&label=${labelId}&sort=due&dir=desc`,
    );
  });

  it("round-trips a project's own statuses through a view", () => {
    const review = "6a1d0c9e-8b7f-4e2d-9c3b-5f4a3e2d1c0b";
    const filters = parseTaskFilters(new URLSearchParams(`statuses=${review},${labelId}`));
    const view = filtersToView(filters);
    expect(view.statusIds).toEqual([review, labelId]);
    expect(viewToFilters(view)).toEqual(filters);
    expect(viewSearch(view, false)).toBe(`?statuses=${review}%2C${labelId}`);
  });

  it("keeps My Issues' tab, leaving the default out of the URL", () => {
    expect(listSearch(emptyFilters, "assigned")).toBe("");
    expect(listSearch(emptyFilters, "created")).toBe("?relation=created");
    expect(viewSearch({ relation: "subscribed", status: ["todo"] }, true)).toBe(
      "?status=todo&relation=subscribed",
    );
    expect(parseRelation(new URLSearchParams("relation=subscribed"))).toBe("subscribed");
    expect(parseRelation({ relation: "nope" })).toBe("assigned");
  });

  it("offers saving only once the list differs from its defaults", () => {
    expect(hasViewWorthSaving(emptyFilters)).toBe(false);
    expect(hasViewWorthSaving({ ...emptyFilters, q: "x" })).toBe(true);
    expect(hasViewWorthSaving({ ...emptyFilters, sort: "priority", direction: "desc" })).toBe(true);
  });
});
