import { describe, expect, it } from "vitest";
import { selectedStatusIds, toggleStatus, type StatusOption } from "./status-filter.ts";

const statuses: StatusOption[] = [
  { id: "b", name: "Backlog", category: "backlog" },
  { id: "t", name: "Triage", category: "unstarted" },
  { id: "td", name: "Todo", category: "unstarted" },
  { id: "p", name: "In Progress", category: "started" },
  { id: "r", name: "In Review", category: "started" },
  { id: "d", name: "Done", category: "completed" },
];

describe("the project list's status chips", () => {
  it("select nothing when no status filter is set", () => {
    expect(selectedStatusIds({ status: [], statusIds: [] }, statuses)).toEqual([]);
  });

  it("read an older link's categories as every status of them", () => {
    expect(selectedStatusIds({ status: ["todo", "in_progress"], statusIds: [] }, statuses)).toEqual(
      ["t", "td", "p", "r"],
    );
  });

  it("read statuses by id, ignoring ones the project no longer has", () => {
    expect(selectedStatusIds({ status: [], statusIds: ["r", "gone"] }, statuses)).toEqual(["r"]);
  });

  it("toggle by id, replacing categories with the statuses they selected", () => {
    expect(toggleStatus({ status: ["in_progress"], statusIds: [] }, statuses, "r", false)).toEqual({
      status: [],
      statusIds: ["p"],
    });
    expect(toggleStatus({ status: [], statusIds: ["r"] }, statuses, "t", true)).toEqual({
      status: [],
      statusIds: ["r", "t"],
    });
    expect(toggleStatus({ status: [], statusIds: ["r"] }, statuses, "r", false)).toEqual({
      status: [],
      statusIds: [],
    });
  });
});
