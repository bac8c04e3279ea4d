import { describe, expect, it } from "vitest";
import { describeActivity } from "./activity.ts";

describe("describeActivity", () => {
  it("turns known actions into sentences", () => {
    expect(
      describeActivity({
        action: "member.role_changed",
        data: { from: "member", to: "admin" },
        actorName: "Ada",
        tokenName: null,
      }),
    ).toEqual({ actor: "Ada", text: "changed a member’s role from member to admin" });
  });

  it("names the token a change came through", () => {
    expect(
      describeActivity({
        action: "token.revoked",
        data: { name: "ci" },
        actorName: "Ada",
        tokenName: "deploy",
      }).actor,
    ).toBe("Ada (token “deploy”)");
  });

  it("falls back to the action name and tolerates odd data", () => {
    expect(
      describeActivity({ action: "x.y", data: null, actorName: null, tokenName: null }),
    ).toEqual({ actor: "Someone", text: "x.y" });
    expect(
      describeActivity({ action: "org.updated", data: [1], actorName: "A", tokenName: null }).text,
    ).toBe("renamed the organization to “?”");
  });
});
