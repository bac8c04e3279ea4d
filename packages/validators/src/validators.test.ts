import { describe, expect, it } from "vitest";
import { createTokenInput, emailSchema, roleSchema, signUpInput } from "./index.ts";

describe("validators", () => {
  it("normalises email addresses", () => {
    expect(emailSchema.parse("  Ada@Example.COM ")).toBe("ada@example.com");
    expect(emailSchema.safeParse("not-an-email").error?.issues[0]?.message).toBe(
      "Enter a valid email address",
    );
  });

  it("explains each bad field of a sign-up", () => {
    const result = signUpInput.safeParse({ email: "x", password: "short", name: "" });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path.join("."));
    expect(fields?.sort()).toEqual(["email", "name", "password"]);
  });

  it("knows the roles and bounds token lifetimes", () => {
    expect(roleSchema.options).toEqual(["owner", "admin", "member", "viewer"]);
    const base = { orgId: "7f1c4c8e-7a4e-4b8e-9f0a-2b1f5a1c9d00", name: "ci", role: "member" };
    expect(createTokenInput.safeParse({ ...base, expiresInDays: 400 }).success).toBe(false);
    expect(createTokenInput.safeParse({ ...base, expiresInDays: null }).success).toBe(true);
  });
});
