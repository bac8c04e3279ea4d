import { createTestCaller, insertTestUser, type TestUser } from "@tesseract/api/testing";
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from "@tesseract/redis/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSiblingServer, startTestServer, type TestServer } from "./helpers.ts";

/**
 * Redis down, for real: the servers run on a redis-server of their own, which the test kills.
 * Sessions, rate limits and the live bus then fail; what a client gets must say "try again"
 * (503 with Retry-After), never a 500, and never "sign in again".
 */
let redis: PrivateRedis;
let lean: TestServer;
let stock: TestServer;
let user: TestUser;
let token: string;
let orgId: string;

beforeAll(async () => {
  if (!hasRedisServer) return;
  redis = await startPrivateRedis();
  lean = await startTestServer({ REDIS_URL: redis.url });
  stock = await startSiblingServer(lean.services, "stock");
  user = await insertTestUser(lean.services, "Outage");
  const owner = createTestCaller(lean.services, { headers: { cookie: user.cookie } });
  orgId = (await owner.org.create({ name: "Outage Org" })).id;
  // API tokens are checked in PostgreSQL: they get past authentication with Redis down.
  ({ secret: token } = await owner.token.create({
    orgId,
    name: "outage",
    role: "owner",
    expiresInDays: 30,
  }));
  await redis.kill();
});
afterAll(async () => {
  await stock?.close();
  await lean?.close();
  await redis?.kill();
});

const input = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));
const servers = () =>
  [
    ["lean", lean],
    ["stock", stock],
  ] as const;

/** The answer's tRPC error data, from a JSON body or the first error of an event stream. */
function errorData(body: string): { code: string; httpStatus: number } | undefined {
  const json = body.startsWith("{")
    ? body
    : /event: serialized-error\ndata: (.*)\n/.exec(body)?.[1];
  if (!json) return undefined;
  const parsed = JSON.parse(json) as {
    error?: { json: { data: { code: string; httpStatus: number } } };
    json?: { data: { code: string; httpStatus: number } };
  };
  return (parsed.error?.json ?? parsed.json)?.data;
}

describe.skipIf(!hasRedisServer)("Redis down", () => {
  it("live.position answers 503 with Retry-After", async () => {
    for (const [name, server] of servers()) {
      const res = await fetch(`${server.url}/trpc/live.position?input=${input({ orgId })}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await res.text();
      expect({ name, status: res.status }, body).toEqual({ name, status: 503 });
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(errorData(body)).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
      expect(body).not.toMatch(/ECONNREFUSED|enableOfflineQueue|Stream isn't|Connection is closed/);
    }
  });
});
