import { sql } from "@tesseract/db";
import { describe, expect, it, vi } from "vitest";
import { sha256 } from "../auth/secrets.ts";
import { recordPublished } from "../live/published-fixture.ts";
import { createCaller } from "../root.ts";
import { cookieFrom, createTestCaller, insertTestUser, testContext } from "../testing.ts";
import { as, invitationToken, orgWith, services, useServices } from "./router-fixture.ts";

useServices();

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
    const token = await invitationToken(invitee.email);
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
    const stored = await services.db
      .selectFrom("invitations")
      .select("token_hash")
      .where("id", "=", invitation.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(token));
  });

  it("announces the new member (member.added) once the membership committed", async () => {
    const { owner, orgId } = await orgWith([]);
    const invitee = await insertTestUser(services, "Joiner");
    await as(owner).invitation.create({ orgId, email: invitee.email, role: "viewer" });
    const token = await invitationToken(invitee.email);
    const { published, restore } = recordPublished(services);
    try {
      await as(invitee).invitation.accept({ token });
      // A refused accept (already used) announces nothing.
      await expect(as(invitee).invitation.accept({ token })).rejects.toMatchObject({
        code: "CONFLICT",
      });
    } finally {
      restore();
    }
    const added = { type: "member.added", orgId, personId: invitee.id, role: "viewer" };
    expect(published).toEqual([
      { streamKey: `org:${orgId}`, event: expect.objectContaining(added) as unknown },
      { streamKey: `person:${invitee.id}`, event: expect.objectContaining(added) as unknown },
    ]);
    expect(published[0]?.event.actor).toEqual({ personId: invitee.id, name: "Joiner" });
  });

  it("refuses an invitation accepted by another account, a revoked one, and an expired one", async () => {
    const { owner, orgId } = await orgWith([]);
    const stranger = await insertTestUser(services, "Stranger");
    await as(owner).invitation.create({ orgId, email: "someone@example.test", role: "viewer" });
    const token = await invitationToken("someone@example.test");
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
      as(revokedUser).invitation.accept({ token: await invitationToken(revokedUser.email) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const lateUser = await insertTestUser(services);
    await as(owner).invitation.create({ orgId, email: lateUser.email, role: "viewer" });
    services.clock.advance(8 * 24 * 3_600_000);
    try {
      // A session started after the move (the one from before has idled out by then).
      const { secret } = await services.sessions.create(lateUser.id, { ip: null, userAgent: null });
      const late = { ...lateUser, cookie: `${services.config.sessions.cookieName}=${secret}` };
      await expect(
        as(late).invitation.accept({ token: await invitationToken(lateUser.email) }),
      ).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("expired"),
      });
      await expect(as(late).org.get({ orgId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      services.clock.advance(-8 * 24 * 3_600_000);
    }
  });

  it("retries an invitation email whose SMTP send failed, and gives the inviter the link once", async () => {
    const { owner, orgId, users } = await orgWith(["member"]);
    const invitee = await insertTestUser(services, "Linked");
    const original = services.mailer.send.bind(services.mailer);
    let refused = 0;
    const send = vi.spyOn(services.mailer, "send").mockImplementation((message) => {
      if (message.to === invitee.email && refused === 0) {
        refused++;
        return Promise.reject(new Error("smtp: connection refused"));
      }
      return original(message);
    });
    let invitation;
    try {
      invitation = await as(owner).invitation.create({
        orgId,
        email: invitee.email,
        role: "viewer",
      });
      // Queued with the invitation; the first send fails and the worker tries again.
      expect(invitation.emailSent).toBe(true);
      await services.mail.waitFor((m) => m.to === invitee.email);
    } finally {
      send.mockRestore();
    }
    expect(refused).toBe(1);
    const runs = () =>
      services.db
        .selectFrom("job_runs")
        .innerJoin("outbox", "outbox.id", "job_runs.job_id")
        .select(["job_runs.status", "job_runs.error"])
        .where("outbox.type", "=", "mail.send")
        .where(sql<string>`outbox.payload->>'to'`, "=", invitee.email)
        .orderBy("job_runs.id")
        .execute();
    await expect.poll(runs, { timeout: 30_000 }).toEqual([
      { status: "failed", error: "smtp: connection refused" },
      { status: "succeeded", error: null },
    ]);
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
    expect(emailed.acceptUrl).toContain(`token=${await invitationToken("emailed@example.test")}`);
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

describe("signing up from an invitation", { timeout: 120_000 }, () => {
  async function signUpWith(email: string, invitationToken: string) {
    const ctx = testContext(services);
    await createCaller(ctx).auth.signUp({
      email,
      password: "correct horse battery",
      name: "Invitee",
      invitationToken,
    });
    const me = await createTestCaller(services, {
      headers: { cookie: cookieFrom(ctx)! },
    }).auth.me();
    const verifyLinks = await services.db
      .selectFrom("email_tokens")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("user_id", "=", me.user.id)
      .where("purpose", "=", "verify_email")
      .executeTakeFirstOrThrow();
    return { me, verifyLinks: Number(verifyLinks.n) };
  }

  it("counts the invited address as verified, with no verification email", async () => {
    const { owner, orgId } = await orgWith([]);
    await as(owner).invitation.create({ orgId, email: "new.person@example.test", role: "member" });
    const token = await invitationToken("new.person@example.test");
    // The address as typed differs in case and spaces only: still the invited one.
    const { me, verifyLinks } = await signUpWith("  New.Person@Example.test ", token);
    expect(me.user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(verifyLinks).toBe(0);
  });

  it("verifies nothing for another address, a revoked invitation or a made-up token", async () => {
    const { owner, orgId } = await orgWith([]);
    await as(owner).invitation.create({ orgId, email: "invited@example.test", role: "member" });
    const token = await invitationToken("invited@example.test");
    const other = await signUpWith("someone.else@example.test", token);
    expect(other.me.user.emailVerifiedAt).toBeNull();
    expect(other.verifyLinks).toBe(1);

    const revoked = await as(owner).invitation.create({
      orgId,
      email: "revoked@example.test",
      role: "viewer",
    });
    const revokedToken = await invitationToken("revoked@example.test");
    await as(owner).invitation.revoke({ orgId, invitationId: revoked.id });
    expect(
      (await signUpWith("revoked@example.test", revokedToken)).me.user.emailVerifiedAt,
    ).toBeNull();

    const madeUp = await signUpWith("madeup@example.test", "a".repeat(40));
    expect(madeUp.me.user.emailVerifiedAt).toBeNull();
  });
});
