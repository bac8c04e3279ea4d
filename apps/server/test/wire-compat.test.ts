/**
 * Wire compatibility of the server as a whole: the lean adapter behind the server's guard, CORS
 * and request ids, on the real procedure ladder (session, token, zod, membership) over real
 * services, against the same server on tRPC's stock adapter. The adapter's own scenarios run in
 * packages/trpc-lean (test/wire-compat.test.ts), against a probe router with no services.
 */
import { randomUUID } from "node:crypto";
import { createTestCaller, insertTestUser, type TestServices } from "@tesseract/api/testing";
import {
  both,
  visible,
  type Comparison,
  type Served,
  type WirePair,
  type WireRequest,
} from "@tesseract/trpc-lean/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSiblingServer, startTestServer, type TestServer } from "./helpers.ts";
import { PROBE_DATE } from "./probe-router.ts";

const REQUEST_ID = "wire-compat";
const PASSWORD = "correct horse battery";

let stock: TestServer;
let lean: TestServer;
let services: TestServices;
const fixtures = { cookie: "", token: "", orgId: "", email: "" };

beforeAll(async () => {
  stock = await startTestServer(
    { API_MAX_BODY_BYTES: "2048", API_MAX_BATCH_SIZE: "10" },
    { adapter: "stock" },
  );
  services = stock.services;
  lean = await startSiblingServer(services, "lean");
  const user = await insertTestUser(services, "Wire Compat");
  const owner = createTestCaller(services, { headers: { cookie: user.cookie } });
  const org = await owner.org.create({ name: "Wire Org" });
  const { secret } = await owner.token.create({
    orgId: org.id,
    name: "compat",
    role: "member",
    expiresInDays: 30,
  });
  fixtures.cookie = user.cookie;
  fixtures.token = secret;
  fixtures.orgId = org.id;
  fixtures.email = `signin-${randomUUID().slice(0, 8)}@example.com`;
  await createTestCaller(services).auth.signUp({
    email: fixtures.email,
    password: PASSWORD,
    name: "Signs In",
  });
});

afterAll(async () => {
  await lean.close();
  await stock.close();
});

/** Session secrets are random per sign-in; nothing else is normalised. */
const normalise = (text: string) =>
  text.replace(/tesseract_session=[A-Za-z0-9_-]{43}/g, "tesseract_session=<secret>");

const pair = (): WirePair => ({
  stockUrl: stock.url,
  leanUrl: lean.url,
  counts: () => ({ ...lean.api.adapterCounts }),
  normalise,
});

function expectSame({ expected, actual, by }: Comparison, served: Served): void {
  expect(by).toBe(served);
  expect(visible(actual)).toEqual(visible(expected));
  if (!/tesseract_session=/.test(expected.body))
    expect(actual.bytes.equals(expected.bytes)).toBe(true);
}

const withId = (spec: WireRequest): WireRequest => ({
  ...spec,
  headers: { "x-request-id": REQUEST_ID, ...spec.headers },
});

const ser = (value: unknown) => JSON.stringify(superjson.serialize(value));
const q = (value: unknown) => encodeURIComponent(ser(value));
const json = { "content-type": "application/json" };
const post = (path: string, body: string, headers: Record<string, string> = {}): WireRequest => ({
  method: "POST",
  path,
  headers: { ...json, ...headers },
  body,
});
const echo = { text: "héllo ✓", at: PROBE_DATE, tags: ["a", "b"] };

/** [name, request, the handler the lean server must use] */
const scenarios: [string, () => WireRequest, Served][] = [
  // The real procedure ladder (session, token, zod, membership, superjson)
  [
    "auth.me with a session cookie",
    () => ({ path: "/trpc/auth.me", headers: { cookie: fixtures.cookie } }),
    "lean",
  ],
  [
    "org.get with a session cookie",
    () => ({
      path: `/trpc/org.get?input=${q({ orgId: fixtures.orgId })}`,
      headers: { cookie: fixtures.cookie },
    }),
    "lean",
  ],
  [
    "org.get with an API token",
    () => ({
      path: `/trpc/org.get?input=${q({ orgId: fixtures.orgId })}`,
      headers: { authorization: `Bearer ${fixtures.token}` },
    }),
    "lean",
  ],
  [
    "org.get signed out (401)",
    () => ({ path: `/trpc/org.get?input=${q({ orgId: fixtures.orgId })}` }),
    "lean",
  ],
  [
    "org.get of another organization (404)",
    () => ({
      path: `/trpc/org.get?input=${q({ orgId: randomUUID() })}`,
      headers: { cookie: fixtures.cookie },
    }),
    "lean",
  ],
  [
    "org.update (merged inputs)",
    () =>
      post("/trpc/org.update", ser({ orgId: fixtures.orgId, name: "Wire Org" }), {
        cookie: fixtures.cookie,
      }),
    "lean",
  ],
  [
    "malformed Authorization header",
    () => ({ path: "/trpc/auth.me", headers: { authorization: "Basic abc" } }),
    "lean",
  ],
  [
    "auth.signIn sets the session cookie",
    () => post("/trpc/auth.signIn", ser({ email: fixtures.email, password: PASSWORD })),
    "lean",
  ],
  [
    "auth.signOut clears it",
    () => post("/trpc/auth.signOut", "", { cookie: "tesseract_session=gone" }),
    "lean",
  ],

  // Guard, CORS and what stays with the stock adapter
  [
    "allowed origin (CORS headers, vary)",
    () => post("/trpc/probe.save", ser(echo), { origin: "http://app.test" }),
    "lean",
  ],
  [
    "allowed origin on a query",
    () => ({ path: "/trpc/probe.fixed", headers: { origin: "http://app.test" } }),
    "lean",
  ],
  [
    "foreign origin refused by the guard",
    () => post("/trpc/probe.save", ser(echo), { origin: "https://evil.example" }),
    "neither",
  ],
  [
    "text/plain refused by the guard",
    () => post("/trpc/probe.save", ser(echo), { "content-type": "text/plain" }),
    "neither",
  ],
  [
    "preflight",
    () => ({
      method: "OPTIONS",
      path: "/trpc/probe.save",
      headers: { origin: "http://app.test", "access-control-request-method": "POST" },
    }),
    "neither",
  ],

  // The server's context, limits and fallback wiring
  [
    "headers and cookies set through the context",
    () => post("/trpc/probe.headers", ser({ fail: true })),
    "lean",
  ],
  [
    "batch over the configured limit",
    () => ({ path: `/trpc/${Array(11).fill("probe.nothing").join(",")}?batch=1` }),
    "lean",
  ],
  [
    "body over the configured limit",
    () => post("/trpc/probe.rename", JSON.stringify({ json: { name: "x".repeat(5_000) } })),
    "lean",
  ],
  [
    "SERVICE_UNAVAILABLE (Retry-After)",
    () => ({ path: `/trpc/probe.fail?input=${q({ code: "SERVICE_UNAVAILABLE" })}` }),
    "lean",
  ],
  ["subscription over SSE (stock)", () => ({ path: "/trpc/probe.ticks" }), "stock"],
  [
    "streamed batch (stock)",
    () => ({
      path: "/trpc/probe.fixed,probe.deferred?batch=1",
      headers: { "trpc-accept": "application/jsonl" },
    }),
    "stock",
  ],
];

describe("wire compatibility of the server: stock vs lean adapter", () => {
  it.each(scenarios)("%s", async (_, spec, served) => {
    expectSame(await both(pair(), withId(spec())), served);
  });
});
