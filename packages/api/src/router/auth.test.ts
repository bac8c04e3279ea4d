import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCaller } from "../root.ts";
import {
  cookieFrom,
  createTestCaller,
  createTestServices,
  testContext,
  type TestServices,
} from "../testing.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(async () => {
  await services.close();
});

const PASSWORD = "correct horse battery";

async function signUp(email: string) {
  const ctx = testContext(services);
  const { user } = await createCaller(ctx).auth.signUp({
    email,
    password: PASSWORD,
    name: "Ada Lovelace",
  });
  return { user, cookie: cookieFrom(ctx)! };
}

async function signIn(email: string, password = PASSWORD) {
  const ctx = testContext(services);
  const result = await createCaller(ctx).auth.signIn({ email, password });
  return { ...result, cookie: cookieFrom(ctx)!, ctx };
}

const as = (cookie: string) => createTestCaller(services, { headers: { cookie } });

async function linkFromInbox(to: string, path: string): Promise<string> {
  // Sent by the job runtime after the commit: wait for it.
  const mail = await services.mail.waitFor((m) => m.to === to && m.text.includes(path));
  const match = /token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no ${path} email for ${to}`);
  return match[1]!;
}

// Every sign-up, sign-in and password change hashes or verifies with argon2id (19 MiB, two
// passes, at most two at a time): real CPU work that a loaded machine stretches many times over.
// These limits are a backstop against a hang, not a measure of speed.
describe("accounts", { timeout: 180_000 }, () => {
  it("signs up, normalising the email, and is signed in", async () => {
    const { user, cookie } = await signUp("  Ada@Example.com ");
    expect(user.email).toBe("ada@example.com");
    expect(cookie).toMatch(/^tesseract_session=[A-Za-z0-9_-]{43}$/);
    const me = await as(cookie).auth.me();
    expect(me.user).toMatchObject({
      email: "ada@example.com",
      name: "Ada Lovelace",
      emailVerifiedAt: null,
    });
    expect(me.organizations).toEqual([]);
  });

  it("answers a sign-up with a taken email as for a new one, and tells the owner by email", async () => {
    const first = await signUp("dup@example.com");
    const second = await signUp("DUP@example.com");
    // Same shape: a user and a session cookie of the same form; but the cookie opens nothing.
    expect(Object.keys(second.user).sort()).toEqual(Object.keys(first.user).sort());
    expect(second.user.email).toBe("dup@example.com");
    expect(second.user.id).not.toBe(first.user.id);
    expect(second.cookie).toMatch(/^tesseract_session=[A-Za-z0-9_-]{43}$/);
    await expect(as(second.cookie).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // Nothing changed: the first password still works, and there is one account.
    expect((await signIn("dup@example.com")).user.id).toBe(first.user.id);
    const accounts = await services.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "dup@example.com")
      .execute();
    expect(accounts).toHaveLength(1);
    await expect
      .poll(() =>
        services.mailer
          .inbox()
          .some((m) => m.to === "dup@example.com" && /tried to sign up/i.test(m.subject)),
      )
      .toBe(true);
  });

  it("leaves no account behind when sign-up fails after its first write", async () => {
    const ctx = testContext(services);
    // Redis fails when the session is started, after the account rows were written.
    const failing = vi
      .spyOn(services.sessions, "create")
      .mockRejectedValueOnce(new Error("redis went away"));
    await expect(
      createCaller(ctx).auth.signUp({ email: "half@example.com", password: PASSWORD, name: "H" }),
    ).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    failing.mockRestore();
    const rows = await services.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "half@example.com")
      .execute();
    expect(rows).toEqual([]);
    // So the retry succeeds instead of answering that the account exists.
    const { user } = await signUp("half@example.com");
    expect((await as((await signIn("half@example.com")).cookie).auth.me()).user.id).toBe(user.id);
  });

  it("treats a malformed session cookie as absent, on every auth procedure", async () => {
    for (const value of ["%E0%A4%A", "%", "%zz"]) {
      const headers = { cookie: `tesseract_session=${value}` };
      await expect(createTestCaller(services, { headers }).auth.me()).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
      const email = `cookie-${value.length}-${Math.random().toString(36).slice(2)}@example.com`;
      const ctx = testContext(services, { headers });
      const { user } = await createCaller(ctx).auth.signUp({
        email,
        password: PASSWORD,
        name: "M",
      });
      expect((await as(cookieFrom(ctx)!).auth.me()).user.id).toBe(user.id);
      const signInCtx = testContext(services, { headers });
      await createCaller(signInCtx).auth.signIn({ email, password: PASSWORD });
      expect((await as(cookieFrom(signInCtx)!).auth.me()).user.id).toBe(user.id);
      await createCaller(testContext(services, { headers })).auth.signOut();
    }
  });

  it("sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const ctx = testContext(services);
    await createCaller(ctx).auth.signUp({
      email: "cookie@example.com",
      password: PASSWORD,
      name: "C",
    });
    const header = (ctx.response as unknown as { cookies: string[] }).cookies[0]!;
    expect(header).toContain("HttpOnly");
    expect(header).toContain("SameSite=Lax");
    expect(header).toContain("Path=/");
    expect(header).not.toContain("Secure"); // http PUBLIC_URL in tests
  });

  it("gives a new session at each sign-in; signing out kills that one at once", async () => {
    const { cookie: first } = await signUp("rotate@example.com");
    const { cookie: second } = await signIn("rotate@example.com");
    expect(second).not.toBe(first);
    await as(second).auth.signOut();
    await expect(as(second).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await as(first).auth.me()).user.email).toBe("rotate@example.com");
  });

  it("ends the session a browser presented when it signs in again (no fixation)", async () => {
    const { cookie: planted } = await signUp("fixation@example.com");
    const ctx = testContext(services, { headers: { cookie: planted } });
    await createCaller(ctx).auth.signIn({ email: "fixation@example.com", password: PASSWORD });
    const fresh = cookieFrom(ctx)!;
    expect(fresh).not.toBe(planted);
    await expect(as(planted).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await as(fresh).auth.me()).user.email).toBe("fixation@example.com");
  });

  it("answers a wrong password and an unknown email identically", async () => {
    await signUp("known@example.com");
    const wrong = await signIn("known@example.com", "not the password").catch((e: unknown) => e);
    const unknown = await signIn("nobody@example.com", "not the password").catch((e: unknown) => e);
    expect(wrong).toMatchObject({
      code: "UNAUTHORIZED",
      message: "Email or password is incorrect",
    });
    expect(unknown).toMatchObject({
      code: "UNAUTHORIZED",
      message: "Email or password is incorrect",
    });
  });

  it("records successful and failed sign-ins without the password", async () => {
    await signUp("audit@example.com");
    await signIn("audit@example.com", "wrong password!").catch(() => undefined);
    await signIn("audit@example.com");
    const rows = await services.db
      .selectFrom("activity")
      .select(["action", "data", "ip", "user_agent"])
      .where("action", "in", ["account.sign_in", "account.sign_in_failed"])
      .where("data", "@>", JSON.stringify({ email: "audit@example.com" }) as never)
      .execute();
    expect(rows.map((r) => r.action)).toEqual(["account.sign_in_failed"]);
    expect(JSON.stringify(rows)).not.toContain("wrong password");
    expect(rows[0]).toMatchObject({ ip: "127.0.0.1", user_agent: "vitest" });
  });

  it("keeps the old password when a password change or reset fails half-way", async () => {
    const { cookie } = await signUp("halfway@example.com");
    const failing = vi
      .spyOn(services.sessions, "revokeAll")
      .mockRejectedValue(new Error("redis went away"));
    await expect(
      as(cookie).auth.changePassword({
        currentPassword: PASSWORD,
        newPassword: "a new password 1",
      }),
    ).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    await createTestCaller(services).auth.requestPasswordReset({ email: "halfway@example.com" });
    // The reset email is sent after the answer.
    await expect
      .poll(() =>
        services.mailer
          .inbox()
          .some((m) => m.to === "halfway@example.com" && m.text.includes("/reset-password")),
      )
      .toBe(true);
    const token = await linkFromInbox("halfway@example.com", "/reset-password");
    await expect(
      createTestCaller(services).auth.resetPassword({ token, password: "a new password 2" }),
    ).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    failing.mockRestore();
    // Neither change landed, and the reset link was not used up by the failed attempt.
    expect((await signIn("halfway@example.com")).user.email).toBe("halfway@example.com");
    await createTestCaller(services).auth.resetPassword({ token, password: "a new password 2" });
    expect((await signIn("halfway@example.com", "a new password 2")).user.email).toBe(
      "halfway@example.com",
    );
  });

  it("ends every other session when the password changes", async () => {
    const { cookie: a } = await signUp("change@example.com");
    const { cookie: b } = await signIn("change@example.com");
    await expect(
      as(a).auth.changePassword({
        currentPassword: "wrong-password",
        newPassword: "a new password 1",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const result = await as(a).auth.changePassword({
      currentPassword: PASSWORD,
      newPassword: "a new password 1",
    });
    expect(result.endedSessions).toBe(1);
    await expect(as(b).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await as(a).auth.me();
    await signIn("change@example.com", "a new password 1");
  });

  it("resets a password through a single-use emailed link", async () => {
    const { cookie } = await signUp("reset@example.com");
    const known = await as(cookie).auth.requestPasswordReset({ email: "reset@example.com" });
    const unknown = await as(cookie).auth.requestPasswordReset({ email: "ghost@example.com" });
    expect(unknown).toEqual(known);
    await services.mail.waitFor(
      (m) => m.to === "reset@example.com" && m.text.includes("/reset-password"),
    );
    const token = await linkFromInbox("reset@example.com", "/reset-password");
    await createTestCaller(services).auth.resetPassword({ token, password: "brand new password" });
    await expect(
      createTestCaller(services).auth.resetPassword({ token, password: "another password!" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(cookie).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signIn("reset@example.com")).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await signIn("reset@example.com", "brand new password");
    expect(services.mailer.inbox().some((m) => m.to === "ghost@example.com")).toBe(false);
  });

  it("expires reset links after an hour", async () => {
    await signUp("late@example.com");
    await createTestCaller(services).auth.requestPasswordReset({ email: "late@example.com" });
    await services.mail.waitFor(
      (m) => m.to === "late@example.com" && m.text.includes("/reset-password"),
    );
    const token = await linkFromInbox("late@example.com", "/reset-password");
    services.clock.advance(61 * 60_000);
    try {
      await expect(
        createTestCaller(services).auth.resetPassword({ token, password: "brand new password" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    } finally {
      services.clock.advance(-61 * 60_000);
    }
  });

  it("verifies the email through the link sent at sign-up", async () => {
    const { cookie } = await signUp("verify@example.com");
    await services.mail.waitFor((m) => m.to === "verify@example.com");
    const token = await linkFromInbox("verify@example.com", "/verify-email");
    await createTestCaller(services).auth.verifyEmail({ token });
    expect((await as(cookie).auth.me()).user.emailVerifiedAt).toBeInstanceOf(Date);
    await expect(createTestCaller(services).auth.verifyEmail({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("updates the profile", async () => {
    const { cookie } = await signUp("profile@example.com");
    await as(cookie).auth.updateProfile({ name: "Countess" });
    expect((await as(cookie).auth.me()).user.name).toBe("Countess");
    await expect(as(cookie).auth.updateProfile({ name: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("abuse limits", () => {
  it("limits resent verification emails per person per hour", async () => {
    const { cookie } = await signUp("resend@example.com");
    const limit = services.config.rateLimits.perHour.verificationEmail;
    for (let i = 0; i < limit; i++) await as(cookie).auth.resendVerification();
    await expect(as(cookie).auth.resendVerification()).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });

  it("limits organizations created per person per hour", async () => {
    const { cookie } = await signUp("founder@example.com");
    const limit = services.config.rateLimits.perHour.orgCreate;
    for (let i = 0; i < limit; i++) await as(cookie).org.create({ name: `Org ${i}` });
    await expect(as(cookie).org.create({ name: "One too many" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(await as(cookie).org.list()).toHaveLength(limit);
  });

  it("limits reset emails per address, for known and unknown addresses alike", async () => {
    await signUp("bombed@example.com");
    const ask = (email: string) =>
      createTestCaller(services, { clientIp: "10.9.9.9" }).auth.requestPasswordReset({ email });
    for (let i = 0; i < 5; i++) {
      await ask("bombed@example.com");
      await ask("nobody-here@example.com");
    }
    await expect(ask("bombed@example.com")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(ask("nobody-here@example.com")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});

describe("sessions", { timeout: 180_000 }, () => {
  it("lists the caller's sessions, marks the current one, revokes one or all others", async () => {
    const { cookie: a } = await signUp("many@example.com");
    const { cookie: b } = await signIn("many@example.com");
    const { cookie: c } = await signIn("many@example.com");
    const list = await as(a).session.list();
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;
    await as(a).session.revoke({ sessionId: other.id });
    expect(await as(a).session.list()).toHaveLength(2);
    const { ended } = await as(a).session.revoke({ allOthers: true });
    expect(ended).toBe(1);
    await expect(as(b).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(as(c).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await as(a).session.list()).toHaveLength(1);
  });

  it("ends an idle session, and any session at its absolute lifetime", async () => {
    const { cookie } = await signUp("idle@example.com");
    const { idleMs, absoluteMs } = services.config.sessions;
    services.clock.advance(idleMs - 60_000);
    await as(cookie).auth.me(); // still alive, and slides
    services.clock.advance(idleMs - 60_000);
    await as(cookie).auth.me();
    services.clock.advance(idleMs + 1);
    await expect(as(cookie).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    services.clock.advance(-(3 * idleMs - 120_000 + 1));

    const { cookie: busy } = await signIn("idle@example.com");
    let elapsed = 0;
    while (elapsed + idleMs / 2 < absoluteMs) {
      services.clock.advance(idleMs / 2);
      elapsed += idleMs / 2;
      await as(busy).auth.me();
    }
    services.clock.advance(absoluteMs - elapsed + 1);
    await expect(as(busy).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    services.clock.advance(-(absoluteMs + 1));
  });

  it("ends every session of a disabled account", async () => {
    const { user, cookie } = await signUp("disabled@example.com");
    const { disableUser } = await import("../domain/accounts.ts");
    await services.db
      .transaction()
      .execute((trx) =>
        disableUser(trx, services.sessions, { userId: user.id, now: services.now() }),
      );
    await expect(as(cookie).auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signIn("disabled@example.com")).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "Email or password is incorrect",
    });
  });

  it("refuses a forged or malformed cookie", async () => {
    await expect(as("tesseract_session=forged-secret-value").auth.me()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
