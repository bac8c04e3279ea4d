import { describe, expect, it } from "vitest";
import { describeActivity, type ActivityEntry } from "./activity.ts";

const entry = (
  action: string,
  data: unknown,
  more: Partial<ActivityEntry> = {},
): ActivityEntry => ({
  action,
  data,
  actorName: "Ada",
  tokenName: null,
  ...more,
});

describe("describeActivity", () => {
  it("names the task by its key now, with its title, and says what happened to it", () => {
    expect(
      describeActivity(
        entry(
          "task.moved",
          { key: "ENG-42", changes: { status: { from: "todo", to: "done" } } },
          { taskKey: "OPS-3", taskTitle: "Fix login" },
        ),
      ),
    ).toEqual({
      actor: "Ada",
      text: "moved",
      task: { key: "OPS-3", title: "Fix login", exists: true },
      after: "to Done",
    });
  });

  it("keeps the recorded key of a deleted task, unlinked", () => {
    expect(describeActivity(entry("task.deleted", { key: "ENG-7", title: "Old" })).task).toEqual({
      key: "ENG-7",
      title: "Old",
      exists: false,
    });
  });

  it("has a sentence for every kind of task change", () => {
    const names = new Map([["u1", "Bob"]]);
    const change = (changes: object) =>
      describeActivity(entry("task.updated", { key: "ENG-1", changes }), names);
    expect(change({ assigneeId: { from: null, to: "u1" } })).toMatchObject({
      text: "assigned",
      after: "to Bob",
    });
    expect(change({ priority: { from: "none", to: "high" } }).after).toBe("to High");
    expect(change({ dueDate: { from: null, to: "2026-12-31" } }).after).toBe("to Dec 31, 2026");
    expect(change({ title: { from: "a", to: "b" } })).toMatchObject({
      text: "renamed",
      after: "to “b”",
    });
    expect(change({ title: {}, priority: {} }).text).toBe("changed the title, priority of");
    expect(
      describeActivity(
        entry("task.relation_added", { key: "ENG-1", relation: "blocks", other: "ENG-2" }),
      ),
    ).toMatchObject({ text: "linked", after: "as blocking ENG-2" });
    expect(describeActivity(entry("comment.created", { key: "ENG-1" })).text).toBe("commented on");
  });

  it("names the people and addresses member entries are about", () => {
    expect(
      describeActivity(
        entry(
          "member.role_changed",
          { from: "member", to: "admin" },
          {
            subjectName: "Bob",
            subjectEmail: "bob@example.com",
          },
        ),
      ),
    ).toMatchObject({
      text: "changed the role of Bob (bob@example.com) from Member to Admin",
      task: null,
    });
    expect(
      describeActivity(entry("invitation.created", { email: "cy@example.com", role: "viewer" }))
        .text,
    ).toBe("invited cy@example.com as Viewer");
  });

  it("names the token a change came through", () => {
    expect(
      describeActivity(entry("token.revoked", { name: "ci" }, { tokenName: "deploy" })).actor,
    ).toBe("Ada (token “deploy”)");
  });

  it("falls back to the action name and tolerates odd data", () => {
    expect(describeActivity(entry("x.y", null, { actorName: null }))).toMatchObject({
      actor: "Someone",
      text: "x.y",
    });
    expect(describeActivity(entry("org.updated", [1])).text).toBe(
      "renamed the organization to “?”",
    );
  });
});
