import { createTesseractClient, TRPCClientError } from "@tesseract/client";
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from "@tesseract/redis/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers.ts";
import { startSmtpServer, tokenIn } from "./smtp.ts";

const PASSWORD = "correct horse battery";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({
    SMTP_URL: smtp.url,
    RATE_LIMIT_SIGN_IN_PER_ACCOUNT: "3",
    PUBLIC_URL: "http://app.test",
  });
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

async function post(path: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(superjson.serialize(input)),
  });
}

async function signUp(email: string): Promise<string> {
  const res = await post("auth.signUp", { email, password: PASSWORD, name: email.split("@")[0] });
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

const client = (headers: Record<string, string>) =>
  createTesseractClient({ url: server.url, headers });

describe("sessions over HTTP", () => {
  it("sets the session cookie on sign-up and accepts it back", async () => {
    const res = await post("auth.signUp", {
      email: "http@example.com",
      password: PASSWORD,
      name: "H",
    });
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(
      /^tesseract_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/,
    );
    const me = await client({ cookie: setCookie.split(";")[0]! }).auth.me.query();
    expect(me.user.email).toBe("http@example.com");
  });

  it("clears the cookie on sign-out", async () => {
    const cookie = await signUp("out@example.com");
    const res = await post("auth.signOut", undefined, { cookie });
    expect(res.headers.get("set-cookie")).toContain("Max-Age=0");
    await expect(client({ cookie }).auth.me.query()).rejects.toBeInstanceOf(TRPCClientError);
  });
});

describe("account enumeration", () => {
  it("answers a sign-up with a taken email exactly as a new one, and mails the owner", async () => {
    const body = (email: string) => ({ email, password: PASSWORD, name: "Same" });
    const fresh = await post("auth.signUp", body("enum-new@example.com"));
    await post("auth.signUp", body("enum-taken@example.com"));
    const taken = await post("auth.signUp", body("enum-taken@example.com"));
    expect(taken.status).toBe(fresh.status);
    const shape = (json: unknown) =>
      JSON.stringify(json, (_k, v: unknown) => (typeof v === "string" ? typeof v : v));
    expect(shape(await taken.json())).toBe(shape(await fresh.json()));
    const cookieForm = (res: Response) =>
      res.headers.get("set-cookie")!.replace(/=[A-Za-z0-9_-]{43};/, "=<secret>;");
    expect(cookieForm(taken)).toBe(cookieForm(fresh));
    await expect
      .poll(() =>
        smtp.received.some(
          (m) => m.to.includes("enum-taken@example.com") && /tried to sign up/i.test(m.raw),
        ),
      )
      .toBe(true);
  });
});

describe("brute-force limits", () => {
  it("answers 429 with Retry-After once an account's budget is spent", async () => {
    await signUp("target@example.com");
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const res = await post("auth.signIn", {
        email: "target@example.com",
        password: "wrong password",
      });
      statuses.push(res.status);
      retryAfter = res.headers.get("retry-after") ?? retryAfter;
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right password waits out the window.
    expect(
      (await post("auth.signIn", { email: "target@example.com", password: PASSWORD })).status,
    ).toBe(429);
  });
});

describe("API tokens over HTTP", () => {
  it("authenticates the vanilla client with a bearer token, and never from a query string or cookie", async () => {
    const cookie = await signUp("tokens@example.com");
    const owner = client({ cookie });
    const org = await owner.org.create.mutate({ name: "Token Org" });
    const { secret } = await owner.token.create.mutate({
      orgId: org.id,
      name: "script",
      role: "member",
      expiresInDays: 30,
    });
    const script = createTesseractClient({ url: server.url, token: secret });
    expect((await script.org.get.query({ orgId: org.id })).role).toBe("member");
    expect((await script.auth.me.query()).via).toBe("token");
    const input = encodeURIComponent(JSON.stringify(superjson.serialize({ orgId: org.id })));
    expect((await fetch(`${server.url}/trpc/org.get?input=${input}&token=${secret}`)).status).toBe(
      401,
    );
    expect(
      (
        await fetch(`${server.url}/trpc/org.get?input=${input}`, {
          headers: { cookie: `tesseract_session=${secret}` },
        })
      ).status,
    ).toBe(401);
  });
});

describe("invitations by email", () => {
  it("emails the invitation over SMTP; the invitee follows the link and joins", async () => {
    const owner = client({ cookie: await signUp("boss@example.com") });
    const org = await owner.org.create.mutate({ name: "Mail Org" });
    await owner.invitation.create.mutate({
      orgId: org.id,
      email: "guest@example.com",
      role: "viewer",
    });
    const mail = await smtp.waitFor((m) => m.to.includes("guest@example.com"));
    expect(mail.raw).toContain("Mail Org");
    const token = tokenIn(mail, "http://app.test/invitations/accept");
    const guest = client({ cookie: await signUp("guest@example.com") });
    expect(await guest.invitation.accept.mutate({ token })).toEqual({
      orgId: org.id,
      role: "viewer",
    });
    expect((await guest.member.list.query({ orgId: org.id })).map((m) => m.email).sort()).toEqual([
      "boss@example.com",
      "guest@example.com",
    ]);
  });

  it("sends the verification email at sign-up and the reset email on request", async () => {
    await signUp("mailme@example.com");
    await smtp.waitFor(
      (m) => m.to.includes("mailme@example.com") && m.raw.includes("verify-email"),
    );
    await post("auth.requestPasswordReset", { email: "mailme@example.com" });
    await smtp.waitFor(
      (m) => m.to.includes("mailme@example.com") && m.raw.includes("reset-password"),
    );
  });
});

describe("no enumeration", () => {
  it("answers a known and an unknown email with identical bodies", async () => {
    await signUp("exists@example.com");
    const strip = async (res: Response) => ({ status: res.status, body: await res.text() });
    expect(
      await strip(
        await post("auth.signIn", { email: "exists@example.com", password: "nope nope nope" }),
      ),
    ).toEqual(
      await strip(
        await post("auth.signIn", { email: "missing@example.com", password: "nope nope nope" }),
      ),
    );
    expect(
      await strip(await post("auth.requestPasswordReset", { email: "exists@example.com" })),
    ).toEqual(
      await strip(await post("auth.requestPasswordReset", { email: "missing@example.com" })),
    );
  });
});

describe.skipIf(!hasRedisServer)("sign-in with Redis down", () => {
  let redis: PrivateRedis;
  let isolated: TestServer;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    isolated = await startTestServer({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await redis.kill();
    await isolated.close();
  });

  it("fails closed with 503, never unlimited", async () => {
    const res = await fetch(`${isolated.url}/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        superjson.serialize({ email: "closed@example.com", password: PASSWORD, name: "C" }),
      ),
    });
    expect(res.status).toBe(200);
    await redis.kill();
    const signIn = await fetch(`${isolated.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        superjson.serialize({ email: "closed@example.com", password: PASSWORD }),
      ),
    });
    expect(signIn.status).toBe(503);
    expect(await signIn.text()).not.toContain("ECONNREFUSED");
  });
});
