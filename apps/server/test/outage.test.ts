import {
  insertTestUser,
  startScratchPostgres,
  type ScratchPostgres,
  type TestUser,
} from "@tesseract/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSiblingServer, startTestServer, type TestServer } from "./helpers.ts";

/**
 * A PostgreSQL outage, for real: the servers run on a PostgreSQL of their own, which the test
 * stops (open connections end with 57P01, new ones are refused) and starts again.
 */
let postgres: ScratchPostgres;
let lean: TestServer;
let stock: TestServer;
let user: TestUser;
beforeAll(async () => {
  postgres = await startScratchPostgres();
  lean = await startTestServer(
    { DATABASE_CONNECT_TIMEOUT_MS: "2000" },
    { adminDatabaseUrl: postgres.url },
  );
  stock = await startSiblingServer(lean.services, "stock");
  user = await insertTestUser(lean.services, "Outage");
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
    await postgres.start();

    // The pool replaces its dead connections on demand: no restart, the next requests work.
    for (const server of [lean, stock]) {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await me(server)).status).toBe(200);
      expect((await createOrg(server)).status).toBe(200);
    }
  });
});
