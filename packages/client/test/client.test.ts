import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTesseractClient } from "../src/index.ts";
import { retryAfterMs } from "../src/retrying-fetch.ts";

/** A stand-in API that records requests and answers from a script of statuses. */
const seen: { url: string; method: string; headers: IncomingMessage["headers"] }[] = [];
let statuses: number[] = [];
let server: Server;
let url: string;

const ok = (json: unknown) => ({ result: { data: { json } } });

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? "", method: req.method ?? "", headers: req.headers });
    req.resume();
    req.on("end", () => {
      const path = new URL(req.url ?? "", "http://x").pathname.replace("/trpc/", "");
      if (path === "system.info") {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(ok({ limits: { maxBatchSize: 2 } })));
        return;
      }
      const status = statuses.shift() ?? 200;
      if (status !== 200) {
        res.writeHead(status, { "retry-after": "0", "content-type": "application/json" });
        res.end(JSON.stringify({ error: { json: { message: "busy", code: -32029, data: {} } } }));
        return;
      }
      res.setHeader("content-type", "application/json");
      const paths = path.split(",");
      const body = paths.map((p) => ok({ path: p }));
      res.end(JSON.stringify(req.url?.includes("batch=1") ? body : body[0]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen.length = 0;
  statuses = [];
});

describe("createTesseractClient", () => {
  it("batches no more calls per request than system.info allows", async () => {
    const client = createTesseractClient({ url, token: "tsr_test" });
    await Promise.all([1, 2, 3, 4, 5].map(() => client.system.health.query()));
    const batches = seen.filter((r) => r.url.includes("batch=1"));
    expect(batches.map((r) => new URL(r.url, url).pathname.split(",").length)).toEqual([2, 2, 1]);
    expect(seen.every((r) => r.headers.authorization === "Bearer tsr_test")).toBe(true);
  });

  it("retries a 429 after Retry-After, sending the same Idempotency-Key on a create", async () => {
    statuses = [429, 503];
    const client = createTesseractClient({ url, maxBatchSize: 5 });
    await client.task.create.mutate({ orgId: "o", projectId: "p", title: "Retried" });
    const creates = seen.filter((r) => r.url.startsWith("/trpc/task.create"));
    expect(creates).toHaveLength(3);
    const keys = new Set(creates.map((r) => r.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives every create its own key, and none to other mutations", async () => {
    const client = createTesseractClient({ url, maxBatchSize: 5 });
    await client.comment.create.mutate({ orgId: "o", taskId: "t", body: "one" });
    await client.comment.create.mutate({ orgId: "o", taskId: "t", body: "two" });
    await client.task.update.mutate({ orgId: "o", taskId: "t", title: "x" });
    const keys = seen.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBeUndefined();
  });

  it("does not send a mutation without a key again after a 503", async () => {
    statuses = [503];
    const client = createTesseractClient({ url, maxBatchSize: 5 });
    const error = await client.task.update
      .mutate({ orgId: "o", taskId: "t", title: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(seen).toHaveLength(1);
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates, and ignores nonsense", () => {
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(new Date(61_000).toUTCString(), 1000)).toBe(60_000);
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
