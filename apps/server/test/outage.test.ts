import {
  createTestCaller,
  insertTestUser,
  startScratchPostgres,
  type ScratchPostgres,
  type TestUser,
} from "@tesseract/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startSiblingServer, startTestServer, type TestServer } from "./helpers.ts";

/**
 * A PostgreSQL outage, for real: the servers run on a PostgreSQL of their own, which the test
 * stops (open connections end with 57P01, new ones are refused) and starts again.
 */
let postgres: ScratchPostgres;
let lean: TestServer;
let stock: TestServer;
let user: TestUser;
/** An API token never used before the outage: checking it needs PostgreSQL. */
let token: string;
beforeAll(async () => {
  postgres = await startScratchPostgres();
  lean = await startTestServer(
    { DATABASE_CONNECT_TIMEOUT_MS: "2000" },
    { adminDatabaseUrl: postgres.url },
  );
  stock = await startSiblingServer(lean.services, "stock");
  user = await insertTestUser(lean.services, "Outage");
  const owner = createTestCaller(lean.services, { headers: { cookie: user.cookie } });
  const org = await owner.org.create({ name: "Outage Org" });
  ({ secret: token } = await owner.token.create({
    orgId: org.id,
    name: "outage",
    role: "member",
    expiresInDays: 30,
  }));
}, 300_000);
afterAll(async () => {
  await stock?.close();
  await lean?.close();
  await postgres?.destroy();
}, 120_000);

const me = (server: TestServer) =>
  fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: user.cookie } });
const createOrg = (server: TestServer) =>
  fetch(`${server.url}/trpc/org.create`, {
    method: "POST",
    headers: { cookie: user.cookie, "content-type": "application/json" },
    body: JSON.stringify({ json: { name: "During the outage" } }),
  });

/** The status a WebSocket upgrade is answered with (101 when it opens), and its Retry-After. */
function upgrade(server: TestServer, headers: Record<string, string>) {
  const socket = new WebSocket(`${server.url.replace("http", "ws")}/trpc`, { headers });
  socket.on("error", () => undefined);
  return new Promise<{ status: number; retryAfter?: string }>((resolve) => {
    socket.once("open", () => {
      resolve({ status: 101 });
      socket.terminate();
    });
    socket.once("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] });
      socket.terminate();
    });
  });
}

interface ErrorBody {
  error: { json: { message: string; data: { code: string; httpStatus: number } } };
}

describe("PostgreSQL down", { timeout: 300_000 }, () => {
  it("answers 503 with Retry-After while it is down, and recovers without a restart", async () => {
    for (const server of [lean, stock]) expect((await me(server)).status).toBe(200);

    await postgres.stop();

    for (const server of [lean, stock]) {
      for (const send of [me, createOrg]) {
        const res = await send(server);
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
        const text = await res.text();
        // Nothing about the connection (host, port, driver message) reaches the client.
        expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminat|connect/i);
        const body = JSON.parse(text) as ErrorBody;
        expect(body.error.json.data).toMatchObject({
          code: "SERVICE_UNAVAILABLE",
          httpStatus: 503,
        });
      }
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get("retry-after")).toMatch(/^\d+$/);
    }
    // A live connection whose token cannot be checked: "try again", not "unauthorized".
    const refused = await upgrade(lean, { authorization: `Bearer ${token}` });
    expect(refused).toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
    await postgres.start();

    // The pool replaces its dead connections on demand: no restart, the next requests work.
    for (const server of [lean, stock]) {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await me(server)).status).toBe(200);
      expect((await createOrg(server)).status).toBe(200);
    }
    expect((await upgrade(lean, { authorization: `Bearer ${token}` })).status).toBe(101);
  });
});
