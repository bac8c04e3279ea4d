import type { Role } from "@tesseract/validators";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sha256 } from "../auth/secrets.ts";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  type TestServices,
  type TestUser,
} from "../testing.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(async () => {
  await services.close();
});

const as = (user: TestUser) => createTestCaller(services, { headers: { cookie: user.cookie } });
const withToken = (secret: string) =>
  createTestCaller(services, { headers: { authorization: `Bearer ${secret}` } });

async function orgWith(roles: Role[]) {
  const owner = await insertTestUser(services, "Owner");
  const org = await as(owner).org.create({ name: "Acme Corp" });
  const users: TestUser[] = [];
  for (const role of roles) {
    const user = await insertTestUser(services, role);
    await services.db.db
      .insertInto("memberships")
      .values({ org_id: org.id, user_id: user.id, role })
      .execute();
    users.push(user);
  }
  return { owner, orgId: org.id, slug: org.slug, users };
}

function invitationToken(email: string): string {
  const mail = services.mailer.inbox().find((m) => m.to === email);
  const token = mail && /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no invitation email for ${email}`);
  return token;
}

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
    const audit = await services.db.db
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
      await services.db.db
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

describe("invitations", () => {
  it("invites by email; the invitee accepts through the link and joins with that role", async () => {
    const { owner, orgId } = await orgWith([]);
    const invitee = await insertTestUser(services, "Grace");
    const invitation = await as(owner).invitation.create({
      orgId,
      email: invitee.email,
      role: "member",
    });
    expect(invitation.status).toBe("pending");
    const token = invitationToken(invitee.email);
    expect(await createTestCaller(services).invitation.preview({ token })).toMatchObject({
      orgName: "Acme Corp",
      role: "member",
      status: "pending",
      invitedBy: "Owner",
    });
    expect(await as(invitee).invitation.accept({ token })).toEqual({ orgId, role: "member" });
    expect((await as(invitee).org.get({ orgId })).role).toBe("member");
    await expect(as(invitee).invitation.accept({ token })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await as(owner).invitation.list({ orgId }))[0]?.status).toBe("accepted");
    const stored = await services.db.db
      .selectFrom("invitations")
      .select("token_hash")
      .where("id", "=", invitation.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(token));
  });

  it("refuses an invitation accepted by another account, a revoked one, and an expired one", async () => {
    const { owner, orgId } = await orgWith([]);
    const stranger = await insertTestUser(services, "Stranger");
    await as(owner).invitation.create({ orgId, email: "someone@example.test", role: "viewer" });
    const token = invitationToken("someone@example.test");
    await expect(as(stranger).invitation.accept({ token })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const revokedUser = await insertTestUser(services);
    const revoked = await as(owner).invitation.create({
      orgId,
      email: revokedUser.email,
      role: "viewer",
    });
    await as(owner).invitation.revoke({ orgId, invitationId: revoked.id });
    await expect(
      as(revokedUser).invitation.accept({ token: invitationToken(revokedUser.email) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const lateUser = await insertTestUser(services);
    await as(owner).invitation.create({ orgId, email: lateUser.email, role: "viewer" });
    services.clock.advance(8 * 24 * 3_600_000);
    try {
      // A session started after the move (the one from before has idled out by then).
      const { secret } = await services.sessions.create(lateUser.id, { ip: null, userAgent: null });
      const late = { ...lateUser, cookie: `${services.config.sessions.cookieName}=${secret}` };
      await expect(
        as(late).invitation.accept({ token: invitationToken(lateUser.email) }),
      ).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("expired"),
      });
      await expect(as(late).org.get({ orgId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      services.clock.advance(-8 * 24 * 3_600_000);
    }
  });

  it("gives the inviter the accept link once, for when email does not reach the invitee", async () => {
    const { owner, orgId, users } = await orgWith(["member"]);
    const invitee = await insertTestUser(services, "Linked");
    const send = vi
      .spyOn(services.mailer, "send")
      .mockRejectedValueOnce(new Error("smtp: connection refused"));
    let invitation;
    try {
      invitation = await as(owner).invitation.create({
        orgId,
        email: invitee.email,
        role: "viewer",
      });
    } finally {
      send.mockRestore();
    }
    expect(invitation.emailSent).toBe(false);
    const link = new URL(invitation.acceptUrl);
    expect(link.origin + link.pathname).toBe(
      new URL("/invitations/accept", services.config.server.publicUrl).toString(),
    );
    const token = link.searchParams.get("token")!;
    expect(await as(invitee).invitation.accept({ token })).toEqual({ orgId, role: "viewer" });

    const emailed = await as(owner).invitation.create({
      orgId,
      email: "emailed@example.test",
      role: "viewer",
    });
    expect(emailed.emailSent).toBe(true);
    expect(emailed.acceptUrl).toContain(`token=${invitationToken("emailed@example.test")}`);
    // Listed invitations never carry the token again, and members cannot invite at all.
    expect(JSON.stringify(await as(owner).invitation.list({ orgId }))).not.toContain(token);
    await expect(
      as(users[0]!).invitation.create({ orgId, email: "x@example.test", role: "viewer" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses to invite an existing member", async () => {
    const { owner, orgId, users } = await orgWith(["viewer"]);
    await expect(
      as(owner).invitation.create({ orgId, email: users[0]!.email, role: "member" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("API tokens", () => {
  it("shows the secret once, stores its hash, and authenticates with the token's role", async () => {
    const { owner, orgId } = await orgWith([]);
    const { token, secret } = await as(owner).token.create({
      orgId,
      name: "deploy script",
      role: "viewer",
      expiresInDays: null,
    });
    expect(secret).toMatch(/^tsr_[A-Za-z0-9_-]{43}$/);
    const stored = await services.db.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("id", "=", token.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(secret));
    expect(JSON.stringify(await as(owner).token.list({ orgId }))).not.toContain(secret);
    expect((await withToken(secret).org.get({ orgId })).role).toBe("viewer");
    await expect(withToken(secret).org.update({ orgId, name: "Hijacked" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await as(owner).token.list({ orgId }))[0]?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("never grants a token more than its creator's current role", async () => {
    const { owner, orgId, users } = await orgWith(["admin"]);
    const admin = users[0]!;
    await expect(
      as(admin).token.create({ orgId, name: "x", role: "owner", expiresInDays: 1 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { secret } = await as(admin).token.create({
      orgId,
      name: "x",
      role: "admin",
      expiresInDays: 1,
    });
    expect((await withToken(secret).org.get({ orgId })).role).toBe("admin");
    await as(owner).member.updateRole({ orgId, userId: admin.id, role: "viewer" });
    expect((await withToken(secret).org.get({ orgId })).role).toBe("viewer");
    await as(owner).member.remove({ orgId, userId: admin.id });
    await expect(withToken(secret).org.get({ orgId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("stops working when revoked or expired; members revoke only their own", async () => {
    const { owner, orgId, users } = await orgWith(["member"]);
    const member = users[0]!;
    const mine = await as(member).token.create({
      orgId,
      name: "mine",
      role: "member",
      expiresInDays: 1,
    });
    const owners = await as(owner).token.create({
      orgId,
      name: "owner's",
      role: "member",
      expiresInDays: null,
    });
    await expect(
      as(member).token.revoke({ orgId, tokenId: owners.token.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await as(member).token.list({ orgId })).map((t) => t.name)).toEqual(["mine"]);
    services.clock.advance(2 * 86_400_000);
    try {
      await expect(withToken(mine.secret).org.get({ orgId })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    } finally {
      services.clock.advance(-2 * 86_400_000);
    }
    await as(member).token.revoke({ orgId, tokenId: mine.token.id });
    await as(owner).token.revoke({ orgId, tokenId: owners.token.id });
    await expect(withToken(owners.secret).org.get({ orgId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("cannot manage credentials, and sees only its own organization", async () => {
    const { owner, orgId } = await orgWith([]);
    await as(owner).org.create({ name: "Second" });
    const { secret } = await as(owner).token.create({
      orgId,
      name: "t",
      role: "owner",
      expiresInDays: null,
    });
    expect((await withToken(secret).org.list()).map((o) => o.id)).toEqual([orgId]);
    await expect(
      withToken(secret).token.create({ orgId, name: "child", role: "viewer", expiresInDays: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(withToken(secret).session.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      withToken(secret).auth.changePassword({
        currentPassword: "x",
        newPassword: "long enough pw",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a malformed or unknown bearer token outright, even with a valid cookie", async () => {
    const { owner, orgId } = await orgWith([]);
    const both = createTestCaller(services, {
      headers: { cookie: owner.cookie, authorization: "Bearer tsr_unknownunknownunknown" },
    });
    await expect(both.org.get({ orgId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const malformed = createTestCaller(services, {
      headers: { authorization: "Basic dXNlcjpwYXNz" },
    });
    await expect(malformed.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
