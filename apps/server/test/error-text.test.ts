/**
 * What a refused request tells the client, over real HTTP on both adapters: malformed input
 * (bad superjson meta, deep or self-referential meta, broken JSON) and malformed credentials
 * get a 4xx with a client-facing message, never a JavaScript error's text or a 500.
 */
import { createTestCaller, insertTestUser, type TestServices } from "@tesseract/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSiblingServer, startTestServer, type TestServer } from "./helpers.ts";
import { LEAKS } from "./leaks.ts";

let stock: TestServer;
let lean: TestServer;
let services: TestServices;
let orgId: string;
let cookie: string;

beforeAll(async () => {
  stock = await startTestServer({}, { adapter: "stock" });
  services = stock.services;
  lean = await startSiblingServer(services, "lean");
  const user = await insertTestUser(services, "Error Text");
  cookie = user.cookie;
  orgId = (
    await createTestCaller(services, { headers: { cookie } }).org.create({ name: "Err Org" })
  ).id;
});
afterAll(async () => {
  await lean.close();
  await stock.close();
});

/** Nested far deeper than a recursive decoder's stack, written as text (stringify would overflow too). */
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}["nope"]${"}".repeat(depth)}`;
const raw = (text: string) => ({ raw: text });
const asText = (input: unknown) =>
  typeof input === "object" && input !== null && "raw" in input
    ? (input as { raw: string }).raw
    : JSON.stringify(input);

/** Inputs whose superjson envelope is broken in ways a decoder chokes on. */
function brokenEnvelopes(): Record<string, unknown> {
  return {
    "meta.values names an unknown type": { json: {}, meta: { values: { a: ["nope"] } } },
    "meta.values at the root names an unknown type": { json: 1, meta: { values: ["nope"] } },
    "meta.values is a number": { json: { orgId }, meta: { values: 5 } },
    "meta.referentialEqualities loops": {
      json: { a: {}, b: {} },
      meta: { referentialEqualities: { a: ["b"], b: ["a"] } },
    },
    "meta.referentialEqualities names a missing path": {
      json: {},
      meta: { referentialEqualities: { "x.y.z": ["q.r"] } },
    },
    "meta is very deep": raw(`{"json":{},"meta":{"values":${deepJson(20_000)}}}`),
    "json is very deep": raw(`{"json":${deepJson(20_000)}}`),
    "meta.values under __proto__": { json: {}, meta: { values: { __proto__: ["map"] } } },
    "a bigint that is not one": { json: { orgId: "abc" }, meta: { values: { orgId: ["bigint"] } } },
    "a date that is not one": { json: { orgId: "abc" }, meta: { values: { orgId: ["Date"] } } },
    "a map from a non-array": { json: { orgId: 5 }, meta: { values: { orgId: ["map"] } } },
  };
}

function expectClean(status: number, body: string, label: string) {
  expect(status, `${label}: ${body}`).toBeLessThan(500);
  for (const pattern of LEAKS) expect(body, label).not.toMatch(pattern);
}

for (const adapter of ["stock", "lean"] as const) {
  const server = () => (adapter === "stock" ? stock : lean);

  describe(`${adapter} adapter`, () => {
    it("answers broken superjson meta with 400 and a clean message", async () => {
      for (const [label, input] of Object.entries(brokenEnvelopes())) {
        for (const path of ["org.get", "auth.me", "system.health"]) {
          const res = await fetch(
            `${server().url}/trpc/${path}?input=${encodeURIComponent(asText(input))}`,
            { headers: { cookie } },
          );
          const body = await res.text();
          expectClean(res.status, body, `${path} ${label}`);
        }
        const res = await fetch(`${server().url}/trpc/task.create`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: asText(input),
        });
        expectClean(res.status, await res.text(), `task.create ${label}`);
      }
    });

    it("says 'Invalid input' for the reported meta, keeping the code", async () => {
      const input = JSON.stringify({ json: {}, meta: { values: { a: ["nope"] } } });
      const res = await fetch(`${server().url}/trpc/org.get?input=${encodeURIComponent(input)}`, {
        headers: { cookie },
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        error: { json: { message: string; data: { code: string } } };
      };
      expect(body.error.json.message).toBe("Invalid input");
      expect(body.error.json.data.code).toBe("BAD_REQUEST");
    });

    it("answers broken JSON with 400 and no parser text", async () => {
      const res = await fetch(`${server().url}/trpc/task.create`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: '{"json": {"orgId": ',
      });
      expectClean(res.status, await res.text(), "broken JSON");
      expect(res.status).toBe(400);
    });

    it("treats a malformed session cookie as absent, with no side effects", async () => {
      for (const value of ["%E0%A4%A", "%", "%zz%"]) {
        const malformed = `tesseract_session=${value}`;
        const me = await fetch(`${server().url}/trpc/auth.me`, { headers: { cookie: malformed } });
        expect(me.status).toBe(401);
        const email = `bad-cookie-${adapter}-${value.length}-${Date.now()}@example.com`;
        const signUp = await fetch(`${server().url}/trpc/auth.signUp`, {
          method: "POST",
          headers: { cookie: malformed, "content-type": "application/json" },
          body: JSON.stringify({ json: { email, password: "correct horse battery", name: "B" } }),
        });
        expect(signUp.status).toBe(200);
        const signIn = await fetch(`${server().url}/trpc/auth.signIn`, {
          method: "POST",
          headers: { cookie: malformed, "content-type": "application/json" },
          body: JSON.stringify({ json: { email, password: "correct horse battery" } }),
        });
        expect(signIn.status).toBe(200);
        const fresh = signIn.headers.get("set-cookie")!.split(";")[0]!;
        const again = await fetch(`${server().url}/trpc/auth.me`, { headers: { cookie: fresh } });
        expect(again.status).toBe(200);
      }
    });
  });
}

it("keeps the org the suite made (sanity: the fixtures are real)", async () => {
  const org = await createTestCaller(services, { headers: { cookie } }).org.get({ orgId });
  expect(org.name).toBe("Err Org");
});
