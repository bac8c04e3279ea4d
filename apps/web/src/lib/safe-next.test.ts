import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeNextPath, signInPath, withNext } from "./safe-next.ts";

describe("safeNextPath", () => {
  it.each([
    ["/orgs/1/members", "/orgs/1/members"],
    ["/account?tab=tokens#new", "/account?tab=tokens#new"],
    ["/invitations/accept?token=abc", "/invitations/accept?token=abc"],
    ["/orgs/1?_rsc=xyz", "/orgs/1"],
    ["/a/../b", "/b"],
  ])("keeps the same-site path %s", (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    "",
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "orgs/1",
    "/\t/evil.example",
    "/\n/evil.example",
    `/${"a".repeat(2_100)}`,
  ])("refuses %s", (raw) => {
    expect(safeNextPath(raw)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("accepts a fallback of the caller's choosing", () => {
    expect(safeNextPath("https://evil.example", "/")).toBe("/");
  });
});

describe("signInPath", () => {
  it("carries the return path, encoded", () => {
    expect(signInPath("/orgs/1/members?x=1")).toBe("/sign-in?next=%2Forgs%2F1%2Fmembers%3Fx%3D1");
  });

  it("drops a return path that is unsafe or the default anyway", () => {
    expect(signInPath("//evil.example")).toBe("/sign-in");
    expect(signInPath(null)).toBe("/sign-in");
    expect(signInPath(DEFAULT_AFTER_SIGN_IN)).toBe("/sign-in");
  });
});

describe("withNext", () => {
  it("links between the auth pages keeping only a safe return path", () => {
    expect(withNext("/sign-up", "/orgs/1")).toBe("/sign-up?next=%2Forgs%2F1");
    expect(withNext("/sign-up", "https://evil.example")).toBe("/sign-up");
  });
});
