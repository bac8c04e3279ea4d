import { describe, expect, it } from "vitest";
import { describeTaskEvent } from "./task-activity.ts";

const names = new Map([["u1", "Ada Lovelace"]]);

describe("task activity", () => {
  it("describes changed fields in words", () => {
    const event = describeTaskEvent(
      {
        action: "task.updated",
        data: {
          key: "ENG-1",
          changes: {
            status: { from: "todo", to: "in_progress" },
            priority: { from: "none", to: "urgent" },
            assigneeId: { from: null, to: "u1" },
            dueDate: { from: null, to: "2026-12-31" },
            labels: { from: [], to: ["bug", "ui"] },
            description: { from: "old", to: "new" },
          },
        },
      },
      names,
    );
    expect(event.summary).toBe("changed the task");
    expect(event.changes).toEqual([
      { field: "Status", from: "To do", to: "In progress" },
      { field: "Priority", from: "No priority", to: "Urgent" },
      { field: "Assignee", from: "Unassigned", to: "Ada Lovelace" },
      { field: "Due date", from: "None", to: "Dec 31, 2026" },
      { field: "Labels", from: "None", to: "bug, ui" },
      { field: "Description", from: "", to: "" },
    ]);
  });

  it("names the file an attachment entry is about", () => {
    expect(
      describeTaskEvent(
        { action: "attachment.added", data: { key: "ENG-1", fileName: "plan.pdf" } },
        names,
      ),
    ).toEqual({ summary: "attached a file: plan.pdf", changes: [] });
  });

  it("says which relation was added, from this task's side, and names parents by key", () => {
    expect(
      describeTaskEvent(
        { action: "task.relation_added", data: { relation: "blocked_by", other: "ENG-3" } },
        names,
      ),
    ).toEqual({ summary: "added a relation: blocked by ENG-3", changes: [] });
    expect(
      describeTaskEvent(
        { action: "task.updated", data: { changes: { parentId: { from: null, to: "ENG-1" } } } },
        names,
      ).changes,
    ).toEqual([{ field: "Parent", from: "None", to: "ENG-1" }]);
  });

  it("tells a reorder from a move to another column", () => {
    expect(describeTaskEvent({ action: "task.moved", data: { key: "ENG-1" } }, names)).toEqual({
      summary: "reordered the task",
      changes: [],
    });
    const moved = describeTaskEvent(
      { action: "task.moved", data: { changes: { status: { from: "todo", to: "done" } } } },
      names,
    );
    expect(moved.summary).toBe("moved the task");
    expect(moved.changes).toEqual([{ field: "Status", from: "To do", to: "Done" }]);
  });

  it("names an assignee who has left as a former member", () => {
    const event = describeTaskEvent(
      { action: "task.updated", data: { changes: { assigneeId: { from: "gone", to: null } } } },
      names,
    );
    expect(event.changes).toEqual([
      { field: "Assignee", from: "A former member", to: "Unassigned" },
    ]);
  });

  it("falls back to the action for unknown entries", () => {
    expect(describeTaskEvent({ action: "task.archived", data: null }, names).summary).toBe(
      "task.archived",
    );
  });
});
