import { describe, expect, it } from "vitest";
import { formatDueDate, isOverdue, todayIso } from "./tasks.ts";

describe("tasks", () => {
  it("formats a due date as the calendar day it names, whatever the time zone", () => {
    expect(formatDueDate("2026-12-31")).toBe("Dec 31, 2026");
    expect(formatDueDate("2026-01-01")).toBe("Jan 1, 2026");
  });

  it("writes today as YYYY-MM-DD in local time", () => {
    expect(todayIso(new Date(2026, 10, 4, 23, 30))).toBe("2026-11-04");
  });

  it("calls open tasks due before today overdue", () => {
    expect(isOverdue("2026-11-03", "todo", "2026-11-04")).toBe(true);
    expect(isOverdue("2026-11-04", "todo", "2026-11-04")).toBe(false);
    expect(isOverdue("2026-11-03", "done", "2026-11-04")).toBe(false);
    expect(isOverdue(null, "todo", "2026-11-04")).toBe(false);
  });
});
