import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers.ts";

// `pnpm dev` opened at http://127.0.0.1:3000 instead of http://localhost:3000 (its default
// PUBLIC_URL): the browser's Origin names the host it used, and the API must accept either
// loopback name in development, while production keeps to PUBLIC_URL exactly.
const PUBLIC_URL = "http://localhost:3100";
const ALIAS = "http://127.0.0.1:3100";

let development: TestServer;
let production: TestServer;
beforeAll(async () => {
  // One at a time: each builds a database from the template, which a busy machine serialises.
  development = await startTestServer({ NODE_ENV: "development", PUBLIC_URL });
  production = await startTestServer({ NODE_ENV: "production", PUBLIC_URL, MAIL_TRANSPORT: "log" });
});
afterAll(async () => {
  await Promise.all([development.close(), production.close()]);
});

const mutate = (server: TestServer, origin: string) =>
  fetch(`${server.url}/trpc/probe.rename`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ json: { name: "Ada" } }),
  });

const preflight = (server: TestServer, origin: string) =>
  fetch(`${server.url}/trpc/probe.rename`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST" },
  });

describe("the loopback alias of PUBLIC_URL", () => {
  it("is accepted in development, under either name", async () => {
    for (const origin of [PUBLIC_URL, ALIAS]) {
      const res = await mutate(development, origin);
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      expect((await preflight(development, origin)).status).toBe(204);
    }
  });

  it("accepts no other port or host in development", async () => {
    for (const origin of ["http://127.0.0.1:3101", "http://localhost:3101", "http://evil.test"]) {
      expect((await mutate(development, origin)).status).toBe(403);
      expect((await preflight(development, origin)).status).toBe(403);
    }
  });

  it("is refused in production, which matches PUBLIC_URL exactly", async () => {
    expect((await mutate(production, PUBLIC_URL)).status).toBe(200);
    const res = await mutate(production, ALIAS);
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect((await preflight(production, ALIAS)).status).toBe(403);
  });
});
