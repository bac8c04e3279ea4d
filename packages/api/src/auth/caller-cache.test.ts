import { hashSessionSecret } from "@tesseract/redis";
import { hasRedisServer, startPrivateRedis } from "@tesseract/redis/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../root.ts";
import type { Services } from "../services.ts";
import {
  cookieFrom,
  createSecondInstance,
  createTestCaller,
  createTestServices,
  insertTestUser,
  redisCommandsDuring,
  testContext,
  type TestServices,
  type TestUser,
} from "../testing.ts";
import { personAccess } from "./caller-cache.ts";

// Two API instances on one database and one Redis: `a` makes every change, `b` must follow.
let a: TestServices;
let b: Services & { close(): Promise<void> };
beforeAll(async () => {
  a = await createTestServices();
  b = await createSecondInstance(a);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const PASSWORD = "correct horse battery";
const onA = (headers: Record<string, string>) => createTestCaller(a, { headers });
const onB = (headers: Record<string, string>) => createTestCaller(b, { headers });
const cookie = (user: { cookie: string }) => ({ cookie: user.cookie });
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const secretOf = (user: { cookie: string }) => user.cookie.split("=")[1]!;

/** Resolves once `b` has heard an access signal about the person. */
function heardOnB(personId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = b.live.bus.listen(personAccess(personId), () => {
      stop();
      resolve();
    });
  });
}

async function ownerWithOrg(): Promise<{ owner: TestUser; orgId: string }> {
  const owner = await insertTestUser(a, "Owner");
  const org = await onA(cookie(owner)).org.create({ name: "Acme Corp" });
  return { owner, orgId: org.id };
}

async function memberOf(orgId: string, role: "admin" | "member" | "viewer"): Promise<TestUser> {
  const user = await insertTestUser(a, role);
  await a.db.insertInto("memberships").values({ org_id: orgId, user_id: user.id, role }).execute();
  return user;
}

/** Both instances answer for the caller, and `b` now remembers it. */
async function warm(headers: Record<string, string>, orgId: string): Promise<void> {
  await onA(headers).org.get({ orgId });
  await onB(headers).org.get({ orgId });
}

describe("the caller cache over two instances", () => {
  it("answers from memory: a change nobody signals is not seen until the entry ends", async () => {
    const { orgId } = await ownerWithOrg();
    const member = await memberOf(orgId, "member");
    await warm(cookie(member), orgId);
    expect(b.callers?.session(hashSessionSecret(secretOf(member)))).toBeDefined();
    expect(b.callers?.role(member.id, orgId)).toBe("member");
    // Changed behind the application's back (no signal): memory still answers…
    await a.db.deleteFrom("memberships").where("user_id", "=", member.id).execute();
    await expect(onB(cookie(member)).org.get({ orgId })).resolves.toMatchObject({ id: orgId });
    // …until the entry's own end (AUTH_CACHE_TTL_SECONDS), on the services' clock.
    a.clock.advance(b.callers!.ttlMs);
    await expect(onB(cookie(member)).org.get({ orgId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("answers a remembered caller without a Redis command", async () => {
    const { owner, orgId } = await ownerWithOrg();
    await warm(cookie(owner), orgId);
    expect(await redisCommandsDuring(b, () => onB(cookie(owner)).org.get({ orgId }))).toEqual([]);
  });

  it("ends a signed-out session on both instances", async () => {
    const { owner, orgId } = await ownerWithOrg();
    await warm(cookie(owner), orgId);
    const heard = heardOnB(owner.id);
    await onA(cookie(owner)).auth.signOut();
    await expect(onA(cookie(owner)).org.get({ orgId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await heard;
    await expect(onB(cookie(owner)).org.get({ orgId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("ends a revoked session on both instances", async () => {
    const { owner, orgId } = await ownerWithOrg();
    const { secret } = await a.sessions.create(owner.id, { ip: null, userAgent: null });
    const other = { cookie: `${a.config.sessions.cookieName}=${secret}` };
    await warm(cookie(other), orgId);
    const heard = heardOnB(owner.id);
    await onA(cookie(owner)).session.revoke({ sessionId: hashSessionSecret(secret) });
    await expect(onA(cookie(other)).org.get({ orgId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await heard;
    await expect(onB(cookie(other)).org.get({ orgId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("ends the other sessions on both instances when the password changes", async () => {
    const ctx = testContext(a);
    const { user } = await createCaller(ctx).auth.signUp({
      email: "two-instances@example.com",
      password: PASSWORD,
      name: "Ada",
    });
    const current = { cookie: cookieFrom(ctx)! };
    const { secret } = await a.sessions.create(user.id, { ip: null, userAgent: null });
    const other = { cookie: `${a.config.sessions.cookieName}=${secret}` };
    await onA(cookie(other)).auth.me();
    await onB(cookie(other)).auth.me();
    const heard = heardOnB(user.id);
    await onA(cookie(current)).auth.changePassword({
      currentPassword: PASSWORD,
      newPassword: "a new password 1",
    });
    await expect(onA(cookie(other)).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await heard;
    await expect(onB(cookie(other)).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await onB(cookie(current)).auth.me();
  });

  it("refuses a removed member on both instances", async () => {
    const { owner, orgId } = await ownerWithOrg();
    const member = await memberOf(orgId, "member");
    await warm(cookie(member), orgId);
    const heard = heardOnB(member.id);
    await onA(cookie(owner)).member.remove({ orgId, userId: member.id });
    await expect(onA(cookie(member)).org.get({ orgId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await heard;
    await expect(onB(cookie(member)).org.get({ orgId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("applies a role change on both instances", async () => {
    const { owner, orgId } = await ownerWithOrg();
    const member = await memberOf(orgId, "admin");
    await warm(cookie(member), orgId);
    const heard = heardOnB(member.id);
    await onA(cookie(owner)).member.updateRole({ orgId, userId: member.id, role: "viewer" });
    expect((await onA(cookie(member)).org.get({ orgId })).role).toBe("viewer");
    await heard;
    expect((await onB(cookie(member)).org.get({ orgId })).role).toBe("viewer");
  });

  it("refuses a revoked token on both instances, and lowers a token with its creator's role", async () => {
    const { owner, orgId } = await ownerWithOrg();
    const admin = await memberOf(orgId, "admin");
    const token = await onA(cookie(admin)).token.create({
      orgId,
      name: "script",
      role: "admin",
      expiresInDays: null,
    });
    await warm(bearer(token.secret), orgId);
    const demoted = heardOnB(admin.id);
    await onA(cookie(owner)).member.updateRole({ orgId, userId: admin.id, role: "member" });
    await demoted;
    expect((await onB(bearer(token.secret)).org.get({ orgId })).role).toBe("member");
    const revoked = heardOnB(admin.id);
    await onA(cookie(admin)).token.revoke({ orgId, tokenId: token.token.id });
    await expect(onA(bearer(token.secret)).org.get({ orgId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await revoked;
    await expect(onB(bearer(token.secret)).org.get({ orgId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe.skipIf(!hasRedisServer)("the caller cache when Redis goes away", () => {
  it("answers nothing from memory while the invalidation channel is down", async () => {
    const server = await startPrivateRedis();
    const services = await createTestServices({ REDIS_URL: server.url });
    try {
      const user = await insertTestUser(services, "Owner");
      const as = () => createTestCaller(services, { headers: cookie(user) });
      const org = await as().org.create({ name: "Acme Corp" });
      await as().org.get({ orgId: org.id });
      expect(services.callers?.session(hashSessionSecret(secretOf(user)))).toBeDefined();
      await server.kill();
      await expect.poll(() => services.live.bus.isListening(), { timeout: 30_000 }).toBe(false);
      // Memory could answer, but nothing would tell it of a sign-out now: it must not.
      await expect(as().org.get({ orgId: org.id })).rejects.toMatchObject({
        code: "SERVICE_UNAVAILABLE",
      });
    } finally {
      const again = await startPrivateRedis(server.port);
      await services.close();
      await again.kill();
    }
  });
});
