import type { AddressInfo } from "node:net";
import { createTesseractClient } from "@tesseract/client";
import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetricsServer } from "../src/metrics-server.ts";
import { probeClient, startTestServer, type TestServer } from "./helpers.ts";
import { probeCalls } from "./probe-router.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ API_MAX_BODY_BYTES: "2048", API_MAX_BATCH_SIZE: "10" });
});
afterAll(async () => {
  await server.close();
});

const input = (value: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(value)));

describe("tRPC over HTTP", () => {
  it("serves system.health and system.info through the SDK client", async () => {
    const client = createTesseractClient({ url: server.url });
    const [health, info] = await Promise.all([
      client.system.health.query(),
      client.system.info.query(),
    ]);
    expect(health.status).toBe("ok");
    expect(health.services.map((s) => s.status)).toEqual(["ok", "ok", "ok", "ok"]);
    expect(health.checkedAt).toBeInstanceOf(Date);
    expect(info).toEqual({
      name: "Tesseract",
      mode: "services",
      demoData: true,
      limits: { maxBatchSize: 10 },
    });
  });

  it("round-trips a mutation with superjson, batched and unbatched", async () => {
    for (const batch of [true, false]) {
      const result = await probeClient(server.url, { batch }).probe.rename.mutate({ name: "Ada" });
      expect(result.name).toBe("Ada");
      expect(result.at).toBeInstanceOf(Date);
    }
  });

  it("returns zod field errors as 400 with a clear message", async () => {
    const error = await probeClient(server.url, { batch: false })
      .probe.rename.mutate({ name: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const clientError = error as TRPCClientError<never>;
    expect(clientError.message).toBe("Invalid input");
    expect(clientError.data).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
      zodError: { fieldErrors: { name: ["Name must have at least 2 characters"] } },
    });
  });

  it("refuses a batch over the limit with 400 and runs no resolver", async () => {
    const before = probeCalls.count;
    const paths = Array.from({ length: 11 }, () => "probe.count").join(",");
    const res = await fetch(`${server.url}/trpc/${paths}?batch=1&input=${input({})}`);
    expect(res.status).toBe(400);
    expect(probeCalls.count).toBe(before);
    const ok = await fetch(
      `${server.url}/trpc/${paths.split(",").slice(0, 10).join(",")}?batch=1&input=${input({})}`,
    );
    expect(ok.status).toBe(200);
    expect(probeCalls.count).toBe(before + 10);
  });

  it("refuses a body over the limit with 413", async () => {
    const res = await fetch(`${server.url}/trpc/probe.rename`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { name: "x".repeat(5_000) } }),
    });
    expect(res.status).toBe(413);
  });

  it.each([
    ["malformed JSON", () => post("probe.rename", "{not json"), 400],
    ["an unknown procedure", () => fetch(`${server.url}/trpc/nope.nothing`), 404],
    [
      "GET on a mutation",
      () => fetch(`${server.url}/trpc/probe.rename?input=${input({ name: "Ada" })}`),
      405,
    ],
    ["POST on a query", () => post("system.info", "{}"), 405],
    ["a malformed query input", () => fetch(`${server.url}/trpc/probe.slow?input=%7Bbroken`), 400],
    [
      "a query input of the wrong type",
      () => fetch(`${server.url}/trpc/probe.slow?input=${input({ ms: "soon" })}`),
      400,
    ],
    ["a path outside the API", () => fetch(`${server.url}/wp-admin`), 404],
    // tRPC 11.19 decodes the procedure path with a bare decodeURIComponent (a URIError: 500).
    ["a malformed escape in the path", () => fetch(`${server.url}/trpc/system.info%E0%A4%A`), 400],
    ["a malformed escape in a batch path", () => fetch(`${server.url}/trpc/a,%?batch=1`), 400],
    ["an empty mutation body", () => post("probe.rename", ""), 400],
  ])("answers %s with a 4xx, never a 5xx", async (_, request, status) => {
    const res = await request();
    expect(res.status).toBe(status);
  });

  it("masks internal errors: no message, SQL or stack reaches the client", async () => {
    const res = await fetch(`${server.url}/trpc/probe.explode`);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toContain("Internal server error");
    expect(body).not.toContain("secret_table");
    expect(body).not.toContain("stack");
    expect(body).not.toContain(".ts:");
  });

  it("echoes a caller's request id, or makes one", async () => {
    const given = await fetch(`${server.url}/healthz`, {
      headers: { "x-request-id": "script-42" },
    });
    expect(given.headers.get("x-request-id")).toBe("script-42");
    const made = await fetch(`${server.url}/healthz`, {
      headers: { "x-request-id": "bad id\twith tabs" },
    });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  function post(
    path: string,
    body: string,
    headers: Record<string, string> = { "content-type": "application/json" },
  ) {
    return fetch(`${server.url}/trpc/${path}`, { method: "POST", headers, body });
  }
});

describe("cross-site protection", () => {
  const mutate = (
    headers: Record<string, string>,
    body = JSON.stringify({ json: { name: "Ada" } }),
  ) => fetch(`${server.url}/trpc/probe.rename`, { method: "POST", headers, body });

  it.each([
    ["text/plain", { "content-type": "text/plain" }, 415],
    ["a form", { "content-type": "application/x-www-form-urlencoded" }, 415],
    ["multipart", { "content-type": "multipart/form-data; boundary=x" }, 415],
    ["no content type", {}, 415],
    [
      "a foreign origin",
      { "content-type": "application/json", origin: "https://evil.example" },
      403,
    ],
    [
      "a cross-site fetch",
      { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      403,
    ],
  ])("refuses a mutation sent as %s", async (_, headers, status) => {
    const res = await mutate(headers);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: unknown };
    expect(superjson.deserialize(body.error as never)).toMatchObject({
      data: { httpStatus: status },
    });
  });

  it("accepts JSON from the allowed origin, with CORS headers", async () => {
    const res = await mutate({ "content-type": "application/json", origin: "http://app.test" });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
  });

  it("answers preflight for allowed origins only", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/trpc/probe.rename`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST" },
      });
    const allowed = await preflight("http://app.test");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
    expect((await preflight("https://evil.example")).status).toBe(403);
  });
});

describe("operational endpoints", () => {
  it("/healthz says the process is alive", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/readyz reports every dependency", async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { services: { name: string; status: string }[] };
    expect(body.services.map((s) => `${s.name}:${s.status}`)).toEqual([
      "database:ok",
      "redis:ok",
      "storage:ok",
      "queue:ok",
    ]);
  });

  it("does not serve /metrics on the public port", async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("tesseract_");
  });

  it("serves metrics on the internal listener, in the Prometheus text format", async () => {
    const internal = createMetricsServer(server.api.metrics);
    await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
      await fetch(`${server.url}/trpc/system.info`);
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
      const text = await res.text();
      expect(text).toMatch(/tesseract_http_requests_total\{route="\/trpc",status="2xx"\} \d+/);
      expect(text).toMatch(/tesseract_trpc_procedure_calls_total\{procedure="system.info"/);
      expect((await fetch(`${base}/trpc/system.info`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => internal.close(resolve));
    }
  });
});
