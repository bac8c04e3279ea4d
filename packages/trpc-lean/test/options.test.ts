/**
 * The stock handler's options, each given to both adapters and compared on the wire (status,
 * headers, body), plus what `onError` and `createContext` are handed, call by call.
 */
import type { IncomingMessage } from "node:http";
import type { TRPCRequestInfo } from "@trpc/server/http";
import superjson from "superjson";
import { afterEach, describe, expect, it } from "vitest";
import { both, visible, type Served, type WireRequest } from "../src/testing.ts";
import { probeContext, probeRouter } from "./probe-router.ts";
import { startProbePair, type ProbePair } from "./servers.ts";

let pair: ProbePair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

const q = (value: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(value)));
const batchInput = (values: unknown[]) =>
  encodeURIComponent(
    JSON.stringify(Object.fromEntries(values.map((v, i) => [i, superjson.serialize(v)]))),
  );
const post = (path: string, body: string, headers: Record<string, string> = {}): WireRequest => ({
  method: "POST",
  path,
  headers: { "content-type": "application/json", ...headers },
  body,
});

/** Which server a request reached, by the port it came in on. */
const portOf = (req: IncomingMessage) => String(req.socket.localPort);
const portOfUrl = (url: string) => new URL(url).port;

async function expectSame(spec: WireRequest, served: Served) {
  const { expected, actual, by } = await both(pair!, spec);
  expect(by).toBe(served);
  expect(visible(actual)).toEqual(visible(expected));
  return expected;
}

const ERROR_REQUESTS: [string, WireRequest][] = [
  ["a thrown TRPCError", { path: `/trpc/probe.fail?input=${q({ code: "CONFLICT" })}` }],
  ["an unexpected error", { path: "/trpc/probe.explode" }],
  ["a zod error", post("/trpc/probe.rename", JSON.stringify(superjson.serialize({ name: "x" })))],
  ["an unknown procedure", { path: "/trpc/nope.nothing" }],
  ["a middleware refusal", { path: "/trpc/probe.whoami" }],
  ["malformed JSON", post("/trpc/probe.rename", "{not json")],
  ["a POST on a query", post("/trpc/probe.fixed", "{}")],
  ["a stream-like result", { path: "/trpc/probe.deferred" }],
  [
    "a batch over the limit",
    { path: `/trpc/${Array(11).fill("probe.nothing").join(",")}?batch=1` },
  ],
  ["mixed procedure types", { path: "/trpc/probe.fixed,probe.touch?batch=1" }],
  [
    "a batch with two failures",
    {
      path: `/trpc/probe.fail,probe.fixed,probe.fail?batch=1&input=${batchInput([{ code: "NOT_FOUND" }, undefined, { code: "FORBIDDEN" }])}`,
      headers: { authorization: "Bearer who" },
    },
  ],
];

describe("onError", () => {
  it.each(ERROR_REQUESTS)("is called as stock calls it for %s", async (_, spec) => {
    const reports = new Map<string, unknown[]>();
    pair = await startProbePair({
      onError: ({ error, type, path, input, ctx, req }) => {
        const list = reports.get(portOf(req)) ?? [];
        list.push({
          code: error.code,
          message: error.message,
          cause: error.cause?.message,
          type,
          path,
          input,
          ctx: ctx ? { auth: ctx.auth } : ctx,
          req: req.constructor.name,
        });
        reports.set(portOf(req), list);
      },
    });
    await expectSame(spec, "lean");
    const stockReports = reports.get(portOfUrl(pair.stockUrl));
    expect(stockReports?.length).toBeGreaterThan(0);
    expect(reports.get(portOfUrl(pair.leanUrl))).toEqual(stockReports);
  });
});

describe("createContext", () => {
  const requests: [string, WireRequest][] = [
    ["a query", { path: `/trpc/probe.echo?input=${q({ text: "hi" })}` }],
    ["a mutation", post("/trpc/probe.save", JSON.stringify(superjson.serialize({ text: "x" })))],
    [
      "a batch with an unknown path",
      { path: `/trpc/probe.echo,nope.x?batch=1&input=${batchInput([{ text: "a" }])}` },
    ],
  ];

  it.each(requests)("gets the same info as on stock for %s", async (_, spec) => {
    const seen = new Map<string, unknown>();
    pair = await startProbePair({
      createContext: async (opts) => {
        const { info } = opts;
        seen.set(portOf(opts.req), await describeInfo(info));
        return probeContext(opts);
      },
    });
    await expectSame(spec, "lean");
    const stockInfo = seen.get(portOfUrl(pair.stockUrl));
    expect(stockInfo).toBeDefined();
    expect(seen.get(portOfUrl(pair.leanUrl))).toEqual(stockInfo);
  });
});

/** Everything in `info` that can be compared across two servers. */
async function describeInfo(info: TRPCRequestInfo) {
  const procedures = probeRouter._def.procedures as Record<string, unknown>;
  return {
    keys: Object.keys(info).sort(),
    isBatchCall: info.isBatchCall,
    accept: info.accept,
    type: info.type,
    connectionParams: info.connectionParams,
    signal: info.signal instanceof AbortSignal && !info.signal.aborted,
    url: info.url ? `${info.url.pathname}${info.url.search}` : null,
    calls: await Promise.all(
      info.calls.map(async (call) => ({
        keys: Object.keys(call).sort(),
        path: call.path,
        batchIndex: call.batchIndex,
        procedure: call.procedure === null ? null : call.procedure === procedures[call.path],
        resultBefore: call.result(),
        rawInput: await call.getRawInput(),
        resultAfter: call.result(),
      })),
    ),
  };
}

describe("responseMeta", () => {
  it("sets the same headers, cookies and status (the fallback calls it)", async () => {
    pair = await startProbePair({
      responseMeta: ({ errors, info }) => ({
        status: errors.length > 0 ? 418 : 201,
        headers: {
          "x-paths": info?.calls.map((call) => call.path).join(",") ?? "",
          "set-cookie": ["meta_a=1; Path=/", "meta_b=2; Path=/"],
        },
      }),
    });
    const ok = await expectSame({ path: "/trpc/probe.fixed" }, "stock");
    expect(ok.status).toBe("201 Created");
    expect(ok.headers).toContain("set-cookie: meta_a=1; Path=/");
    const failed = await expectSame({ path: "/trpc/probe.explode" }, "stock");
    expect(failed.status).toMatch(/^418 /);
  });
});

describe("allowBatching: false", () => {
  it("refuses batches as stock does, and serves single calls lean", async () => {
    pair = await startProbePair({ allowBatching: false });
    const refused = await expectSame({ path: "/trpc/probe.fixed,probe.nothing?batch=1" }, "stock");
    expect(refused.status).toMatch(/^400 /);
    expect(refused.body).toContain("Batching is not enabled on the server");
    await expectSame({ path: "/trpc/probe.fixed" }, "lean");
  });
});

describe("allowMethodOverride: true", () => {
  it("lets a POST call a query as stock does", async () => {
    pair = await startProbePair({ allowMethodOverride: true });
    const body = JSON.stringify(superjson.serialize({ text: "posted" }));
    const answered = await expectSame(post("/trpc/probe.echo", body), "stock");
    expect(answered.status).toBe("200 OK");
    expect(answered.body).toContain("posted");
    await expectSame({ path: `/trpc/probe.echo?input=${q({ text: "got" })}` }, "lean");
    await expectSame(post("/trpc/probe.save", body), "lean");
  });
});
