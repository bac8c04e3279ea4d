import { describe, expect, it } from "vitest";
import { invitationTokenOf } from "./invitation-link.ts";

describe("invitationTokenOf", () => {
  const token = "abcDEF123_-abcDEF123_-";
  it("reads the token of an invitation link's path", () => {
    expect(invitationTokenOf(`/invitations/accept?token=${token}`)).toBe(token);
  });
  it("ignores other paths and malformed tokens", () => {
    expect(invitationTokenOf(`/orgs?token=${token}`)).toBeNull();
    expect(invitationTokenOf("/invitations/accept?token=short")).toBeNull();
    expect(invitationTokenOf("/invitations/accept")).toBeNull();
  });
});
