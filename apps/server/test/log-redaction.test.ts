import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createLogger } from "@tesseract/api";
import { createTestServices, type TestServices } from "@tesseract/api/testing";
import { createTesseractClient } from "@tesseract/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer, type ApiServer } from "../src/server.ts";

// Every line the server, its jobs and its mailer write, at the most talkative level.
const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  },
});
const logger = createLogger({ logLevel: "trace" }, capture);

let services: TestServices;
let api: ApiServer;
let url: string;
beforeAll(async () => {
  services = await createTestServices({ PUBLIC_URL: "http://app.test" }, { logger });
  api = createApiServer({ services, logger });
  await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await api.shutdown();
});

async function tokenFromMail(to: string, path: string): Promise<string> {
  const mail = await services.mail.waitFor((m) => m.to === to && m.text.includes(path));
  return /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}

describe("log redaction", { timeout: 180_000 }, () => {
  it("writes no password, token, cookie or link of a sign-up, reset and token flow", async () => {
    const email = "secretive@example.com";
    const password = "first-password-8f3a1c";
    const newPassword = "second-password-77d0e2";
    let cookie = "";
    const client = () =>
      createTesseractClient({
        url,
        headers: cookie ? { cookie } : {},
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          const set = res.headers.get("set-cookie");
          if (set) cookie = set.split(";")[0]!;
          return res;
        },
      });
    await client().auth.signUp.mutate({ email, password, name: "Secretive" });
    const signUpCookie = cookie;
    const verification = await tokenFromMail(email, "/verify-email");
    await client().auth.verifyEmail.mutate({ token: verification });
    await client()
      .auth.signIn.mutate({ email, password: "wrong-password-1b2c3d" })
      .catch(() => 0);
    await client().auth.requestPasswordReset.mutate({ email });
    const reset = await tokenFromMail(email, "/reset-password");
    await client().auth.resetPassword.mutate({ token: reset, password: newPassword });
    await client().auth.signIn.mutate({ email, password: newPassword });
    const org = await client().org.create.mutate({ name: "Secretive Org" });
    const { secret } = await client().token.create.mutate({
      orgId: org.id,
      name: "script",
      role: "member",
      expiresInDays: 30,
    });
    const scripted = createTesseractClient({ url, token: secret });
    await scripted.org.list.query();
    await createTesseractClient({ url, token: `${secret}x` })
      .org.list.query()
      .catch(() => 0);

    const secrets = {
      password,
      newPassword,
      wrongPassword: "wrong-password-1b2c3d",
      signUpCookie: signUpCookie.split("=")[1]!,
      sessionCookie: cookie.split("=")[1]!,
      verification,
      reset,
      apiToken: secret,
    };
    expect(lines.length).toBeGreaterThan(10);
    // The lines say whom they served: request id, procedure, person and organization.
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const tokenCreate = parsed.find((line) => line.procedure === "token.create");
    expect(tokenCreate).toMatchObject({ orgId: org.id, requestId: expect.any(String) });
    expect(tokenCreate?.userId).toEqual(expect.any(String));
    for (const [name, value] of Object.entries(secrets)) {
      expect(value.length, name).toBeGreaterThan(8);
      const leaks = lines.filter((line) => line.includes(value));
      expect(leaks, `${name} in the log`).toEqual([]);
    }
  });
});
