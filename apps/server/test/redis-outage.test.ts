import { createTestCaller, insertTestUser, type TestUser } from "@tesseract/api/testing";
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from "@tesseract/redis/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
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
let projectId: string;

beforeAll(async () => {
  if (!hasRedisServer) return;
  redis = await startPrivateRedis();
  lean = await startTestServer({ REDIS_URL: redis.url });
  stock = await startSiblingServer(lean.services, "stock");
  user = await insertTestUser(lean.services, "Outage");
  const owner = createTestCaller(lean.services, { headers: { cookie: user.cookie } });
  orgId = (await owner.org.create({ name: "Outage Org" })).id;
  projectId = (await owner.project.create({ orgId, name: "Outage", key: "OUT" })).id;
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

/** An event stream's text up to its first error (a refused stream ends with one at once). */
async function untilError(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value as Uint8Array, { stream: true });
    if (/event: serialized-error\ndata: .*\n/.test(text)) break;
  }
  await reader.cancel();
  return text;
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

  it("a stream resumed from an event id, or a board's presence, ends with 503, not a 500", async () => {
    // Both read Redis once the stream is open, after the procedure's own error handling.
    const streams = [
      ["live.org", { orgId, lastEventId: "1-0" }],
      ["live.presence", { orgId, scope: { projectId } }],
    ] as const;
    for (const [name, server] of servers()) {
      for (const [path, value] of streams) {
        const res = await fetch(`${server.url}/trpc/${path}?input=${input(value)}`, {
          headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
        });
        const body = await untilError(res);
        expect({ name, path, error: errorData(body) }, body).toMatchObject({
          name,
          path,
          error: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 },
        });
      }
    }
  });

  it("a WebSocket upgrade with a session cookie is answered 503, not 401", async () => {
    const socket = new WebSocket(`${lean.url.replace("http", "ws")}/trpc`, {
      headers: { cookie: user.cookie },
    });
    socket.on("error", () => undefined);
    const answer = await new Promise<{ status: number; retryAfter?: string }>((resolve) => {
      socket.once("open", () => {
        resolve({ status: 101 });
      });
      socket.once("unexpected-response", (_req, res) => {
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] });
      });
    });
    socket.terminate();
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toMatch(/^\d+$/);
  });

  it("sign-out answers 503 and keeps the cookie, instead of reporting an unended session ended", async () => {
    for (const [name, server] of servers()) {
      const res = await fetch(`${server.url}/trpc/auth.signOut`, {
        method: "POST",
        headers: { cookie: user.cookie, "content-type": "application/json" },
        body: "{}",
      });
      const body = await res.text();
      expect({ name, status: res.status }, body).toEqual({ name, status: 503 });
      expect(errorData(body)).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
      // The session could not be ended: the browser keeps its cookie, to sign out again.
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });
});
