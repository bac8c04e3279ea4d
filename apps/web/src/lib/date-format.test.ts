import { afterEach, describe, expect, it, vi } from "vitest";

describe("date formatters", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("build no Intl.DateTimeFormat while loading, and one per format however many dates", async () => {
    const built = vi.spyOn(Intl, "DateTimeFormat");
    const { formatDueDate } = await import("./tasks.ts");
    const { formatDate, formatDateTime } = await import("./format.ts");
    // A module that shows no date (the page has none yet) has built nothing.
    expect(built).not.toHaveBeenCalled();

    const days = Array.from(
      { length: 50 },
      (_, i) => `2026-12-${String((i % 28) + 1).padStart(2, "0")}`,
    );
    expect(days.map(formatDueDate).slice(0, 2)).toEqual(["Dec 1, 2026", "Dec 2, 2026"]);
    for (let i = 0; i < 50; i++) {
      formatDate(new Date(2026, 10, 1 + (i % 28)));
      formatDateTime(new Date(2026, 10, 1 + (i % 28), 9, 30));
    }
    // A list of 50 tasks formats 50 due dates: building a formatter for each cost more than
    // the rest of rendering its rows.
    expect(built).toHaveBeenCalledTimes(3);
  });
});
