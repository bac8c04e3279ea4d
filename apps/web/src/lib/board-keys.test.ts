import { describe, expect, it } from "vitest";
import { cardForKey } from "./board-keys.ts";

const cards = (...ids: string[]) => ids.map((id) => ({ id }));
const columns = {
  backlog: cards("b1", "b2", "b3"),
  todo: cards(),
  in_progress: cards("p1", "p2"),
  done: cards("d1"),
  canceled: cards(),
};

describe("cardForKey", () => {
  it("goes up and down a column, and to its ends, stopping at them", () => {
    const at = (taskId: string, key: string) =>
      cardForKey(columns, {}, { status: "backlog", taskId }, key)?.taskId ?? null;
    expect(at("b2", "ArrowUp")).toBe("b1");
    expect(at("b2", "ArrowDown")).toBe("b3");
    expect(at("b1", "ArrowUp")).toBeNull();
    expect(at("b3", "ArrowDown")).toBeNull();
    expect(at("b2", "Home")).toBe("b1");
    expect(at("b1", "End")).toBe("b3");
    expect(at("b3", "End")).toBeNull();
    expect(at("b2", "Enter")).toBeNull();
  });

  it("goes sideways to the nearest column with cards, on its Tab stop", () => {
    expect(cardForKey(columns, {}, { status: "backlog", taskId: "b3" }, "ArrowRight")).toEqual({
      status: "in_progress",
      taskId: "p1",
    });
    expect(
      cardForKey(columns, { in_progress: "p2" }, { status: "done", taskId: "d1" }, "ArrowLeft"),
    ).toEqual({ status: "in_progress", taskId: "p2" });
    // A Tab stop that left the column (moved away) falls back to the column's first card.
    expect(
      cardForKey(columns, { in_progress: "gone" }, { status: "done", taskId: "d1" }, "ArrowLeft"),
    ).toEqual({ status: "in_progress", taskId: "p1" });
    expect(cardForKey(columns, {}, { status: "done", taskId: "d1" }, "ArrowRight")).toBeNull();
    expect(cardForKey(columns, {}, { status: "backlog", taskId: "b1" }, "ArrowLeft")).toBeNull();
    expect(cardForKey(columns, {}, { status: "todo", taskId: "none" }, "ArrowRight")).toBeNull();
  });
});
