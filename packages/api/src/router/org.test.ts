import { describe, expect, it } from "vitest";
import { insertTestUser, type TestUser } from "../testing.ts";
import { as, orgWith, services, useServices } from "./router-fixture.ts";

useServices();

describe("organizations", () => {
  it("creates an organization with the creator as owner and a unique slug", async () => {
    const a = await orgWith([]);
    const b = await orgWith([]);
    expect(a.slug).toBe("acme-corp");
    expect(b.slug).toMatch(/^acme-corp-[0-9a-f]{6}$/);
    expect(await as(a.owner).org.list()).toEqual([
      expect.objectContaining({ id: a.orgId, role: "owner" }),
    ]);
    expect((await as(a.owner).auth.me()).organizations.map((o) => o.id)).toEqual([a.orgId]);
  });

  it("gives organizations created at once with one name distinct slugs", async () => {
    const user = await insertTestUser(services);
    const orgs = await Promise.all(
      Array.from({ length: 5 }, () => as(user).org.create({ name: "Race Condition Inc" })),
    );
    expect(new Set(orgs.map((o) => o.slug)).size).toBe(5);
  });

  it("deletes only when confirmed by name, leaving an audit record behind", async () => {
    const { owner, orgId } = await orgWith([]);
    await expect(as(owner).org.delete({ orgId, confirmName: "acme corp" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await as(owner).org.delete({ orgId, confirmName: "Acme Corp" });
    await expect(as(owner).org.get({ orgId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audit = await services.db
      .selectFrom("activity")
      .selectAll()
      .where("action", "=", "org.deleted")
      .where("target_id", "=", orgId)
      .executeTakeFirst();
    expect(audit).toMatchObject({
      org_id: null,
      actor_user_id: owner.id,
      data: { name: "Acme Corp" },
    });
  });

  it("rejects bad input with field errors and changes nothing", async () => {
    const { owner, orgId } = await orgWith([]);
    await expect(as(owner).org.update({ orgId, name: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(as(owner).org.get({ orgId: "not-a-uuid" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await as(owner).org.get({ orgId })).name).toBe("Acme Corp");
  });
});

describe("roles", () => {
  it("never leaves an organization without an owner", async () => {
    const { owner, orgId } = await orgWith([]);
    await expect(as(owner).member.leave({ orgId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      as(owner).member.updateRole({ orgId, userId: owner.id, role: "admin" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(as(owner).member.remove({ orgId, userId: owner.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("lets an owner hand over ownership, then leave", async () => {
    const { owner, orgId, users } = await orgWith(["admin"]);
    await as(owner).member.updateRole({ orgId, userId: users[0]!.id, role: "owner" });
    await as(owner).member.leave({ orgId });
    expect((await as(users[0]!).member.list({ orgId })).map((m) => m.role)).toEqual(["owner"]);
  });

  it("keeps one owner when two owners demote each other at once", async () => {
    const { owner, orgId, users } = await orgWith(["owner"]);
    const second = users[0]!;
    const results = await Promise.allSettled([
      as(owner).member.updateRole({ orgId, userId: second.id, role: "admin" }),
      as(second).member.updateRole({ orgId, userId: owner.id, role: "admin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const roles = (
      await services.db
        .selectFrom("memberships")
        .select("role")
        .where("org_id", "=", orgId)
        .execute()
    ).map((r) => r.role);
    expect(roles.filter((r) => r === "owner")).toHaveLength(1);
  });

  it("lets nobody grant a role above their own or act on someone who outranks them", async () => {
    const { owner, orgId, users } = await orgWith(["admin", "member"]);
    const [admin, member] = users as [TestUser, TestUser];
    await expect(
      as(admin).member.updateRole({ orgId, userId: member.id, role: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      as(admin).member.updateRole({ orgId, userId: owner.id, role: "viewer" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(admin).member.remove({ orgId, userId: owner.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await as(admin).member.updateRole({ orgId, userId: member.id, role: "admin" });
    await expect(
      as(admin).invitation.create({ orgId, email: "boss@example.test", role: "admin" }),
    ).resolves.toMatchObject({ role: "admin" });
  });

  it("records role changes in the activity log, which only admins read", async () => {
    const { owner, orgId, users } = await orgWith(["member", "viewer"]);
    await as(owner).member.updateRole({ orgId, userId: users[0]!.id, role: "admin" });
    const { items } = await as(owner).activity.list({ orgId });
    expect(items[0]).toMatchObject({
      action: "member.role_changed",
      targetId: users[0]!.id,
      data: { from: "member", to: "admin" },
      actorName: "Owner",
    });
    await expect(as(users[1]!).activity.list({ orgId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("pages through activity by cursor", async () => {
    const { owner, orgId } = await orgWith([]);
    for (let i = 0; i < 5; i++) await as(owner).org.update({ orgId, name: `Acme ${i}` });
    const first = await as(owner).activity.list({ orgId, limit: 4 });
    const second = await as(owner).activity.list({ orgId, limit: 4, cursor: first.nextCursor });
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(6); // 5 updates + creation
    expect(second.nextCursor).toBeNull();
  });
});
