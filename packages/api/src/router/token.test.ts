import { describe, expect, it } from "vitest";
import { sha256 } from "../auth/secrets.ts";
import { createTestCaller } from "../testing.ts";
import { as, orgWith, services, useServices, withToken } from "./router-fixture.ts";

useServices();

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
    const stored = await services.db
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

  it("with token.manage (admin and up), lists and revokes everyone's tokens", async () => {
    const { orgId, users } = await orgWith(["admin", "member"]);
    const [admin, member] = [users[0]!, users[1]!];
    const theirs = await as(member).token.create({
      orgId,
      name: "member's",
      role: "member",
      expiresInDays: null,
    });
    expect((await as(admin).token.list({ orgId })).map((t) => t.name)).toEqual(["member's"]);
    expect(await as(admin).token.revoke({ orgId, tokenId: theirs.token.id })).toEqual({ ok: true });
    await expect(withToken(theirs.secret).org.get({ orgId })).rejects.toMatchObject({
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
    const invalid = {
      code: "UNAUTHORIZED",
      message: expect.stringMatching(/^Invalid or expired token/),
    };
    await expect(both.org.get({ orgId })).rejects.toMatchObject(invalid);
    for (const authorization of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer short", "Bearer a b"]) {
      const malformed = createTestCaller(services, { headers: { authorization } });
      await expect(malformed.auth.me(), authorization).rejects.toMatchObject(invalid);
    }
  });
});
