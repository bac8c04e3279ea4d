import { describe, expect, it } from "vitest";
import { can, roleAtLeast, rolesUpTo } from "./roles.ts";

describe("roles", () => {
  it("ranks owner > admin > member > viewer", () => {
    expect(roleAtLeast("owner", "admin")).toBe(true);
    expect(roleAtLeast("admin", "admin")).toBe(true);
    expect(roleAtLeast("member", "admin")).toBe(false);
    expect(roleAtLeast("viewer", "member")).toBe(false);
  });

  it("grants permissions from the table", () => {
    expect(can("viewer", "member.read")).toBe(true);
    expect(can("member", "member.invite")).toBe(false);
    expect(can("admin", "activity.read")).toBe(true);
    expect(can("admin", "org.delete")).toBe(false);
    expect(can("owner", "org.delete")).toBe(true);
    expect(can("member", "token.create")).toBe(true);
    expect(can("viewer", "token.create")).toBe(false);
    expect(can("viewer", "task.read")).toBe(true);
    expect(can("viewer", "task.write")).toBe(false);
    expect(can("member", "project.manage")).toBe(false);
    expect(can("admin", "comment.moderate")).toBe(true);
  });

  it("lists the roles one may hand out", () => {
    expect(rolesUpTo("owner")).toEqual(["owner", "admin", "member", "viewer"]);
    expect(rolesUpTo("admin")).toEqual(["admin", "member", "viewer"]);
    expect(rolesUpTo("viewer")).toEqual(["viewer"]);
    expect(rolesUpTo("member", ["admin", "member", "viewer"])).toEqual(["member", "viewer"]);
  });
});
