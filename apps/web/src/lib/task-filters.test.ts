import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  emptyFilters,
  filtersToSearch,
  listTasksQuery,
  parseTaskFilters,
  toggled,
} from "./task-filters.ts";

const member = "0b8f3c4e-2a7d-4f5e-9c1b-3d2e1f0a9b8c";
const bug = "5c3e1f0a-9b8c-4d2e-8f5e-0b8f3c4e2a7d";

describe("task filters", () => {
  it("round-trips through the URL", () => {
    const filters = {
      ...emptyFilters,
      status: ["todo" as const, "done" as const],
      statusIds: [bug, member],
      priority: ["urgent" as const],
      assignee: member,
      label: bug,
      dueFrom: "2026-11-01",
      dueTo: "2026-11-30",
      sort: "due" as const,
      direction: "desc" as const,
      q: "login page",
    };
    const search = filtersToSearch(filters);
    expect(parseTaskFilters(new URLSearchParams(search))).toEqual(filters);
  });

  it("leaves defaults out of the URL", () => {
    expect(filtersToSearch(emptyFilters)).toBe("");
    expect(filtersToSearch({ ...emptyFilters, sort: "due", direction: "asc" })).toBe("?sort=due");
  });

  it("drops malformed values from a hand-edited link", () => {
    const parsed = parseTaskFilters({
      status: "todo,nope,todo",
      priority: "loud",
      assignee: "someone",
      label: "bug",
      dueFrom: "tomorrow",
      sort: "random",
      dir: "sideways",
    });
    expect(parsed).toEqual({ ...emptyFilters, status: ["todo"] });
    expect(parseTaskFilters({ statuses: `${bug},in-review,${bug}` }).statusIds).toEqual([bug]);
  });

  it("reads the first of repeated search params", () => {
    expect(parseTaskFilters({ assignee: ["unassigned", member] }).assignee).toBe("unassigned");
  });

  it("counts the filters that narrow the table", () => {
    expect(activeFilterCount(emptyFilters)).toBe(0);
    expect(activeFilterCount({ ...emptyFilters, status: ["todo"], label: "x", q: "y" })).toBe(2);
    // Categories and statuses are one filter: Status.
    expect(activeFilterCount({ ...emptyFilters, status: ["todo"], statusIds: [bug] })).toBe(1);
  });

  it("builds a task.list input with only the keys that are set", () => {
    expect(listTasksQuery("o", "p", { ...emptyFilters, statusIds: [member] })).toMatchObject({
      statusIds: [member],
    });
    expect(listTasksQuery("o", "p", { ...emptyFilters, label: bug })).toEqual({
      orgId: "o",
      projectId: "p",
      sort: "created",
      order: "desc",
      limit: 50,
      labelId: bug,
    });
  });
});

describe("toggled", () => {
  it("adds a value once and removes it, keeping the others in order", () => {
    expect(toggled(["todo"], "backlog", true)).toEqual(["todo", "backlog"]);
    expect(toggled(["todo", "backlog"], "backlog", true)).toEqual(["todo", "backlog"]);
    expect(toggled(["todo", "backlog"], "todo", false)).toEqual(["backlog"]);
    expect(toggled([], "todo", false)).toEqual([]);
  });
});
