/**
 * Wire compatibility: every scenario is sent to a server on tRPC's stock adapter and to one on
 * the lean adapter (src/testing.ts compares the answers as bytes), over the probe router: no
 * database, no cache, so a tRPC upgrade is checked in seconds. Each scenario also states which
 * handler the lean server must have used.
 */
import {
  createTRPCClient,
  httpBatchLink,
  httpBatchStreamLink,
  httpLink,
  TRPCClientError,
  type TRPCLink,
} from "@trpc/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  both,
  UNCOMPARED_HEADERS,
  visible,
  type Comparison,
  type Served,
  type WireRequest,
} from "../src/testing.ts";
import { ERROR_CODES, PROBE_DATE, type ProbeRouter } from "./probe-router.ts";
import { startProbePair, type ProbePair } from "./servers.ts";

const REQUEST_ID = "wire-compat";

let pair: ProbePair;
/** The same lean adapter calling procedures through tRPC's own middleware runner. */
let trpcRunnerPair: ProbePair;

beforeAll(async () => {
  [pair, trpcRunnerPair] = await Promise.all([
    startProbePair(),
    startProbePair({ runner: "trpc" }),
  ]);
});

afterAll(async () => {
  await Promise.all([pair.close(), trpcRunnerPair.close()]);
});

function expectSame({ expected, actual, by }: Comparison, served: Served): void {
  expect(by).toBe(served);
  expect(visible(actual)).toEqual(visible(expected));
  expect(actual.bytes.equals(expected.bytes)).toBe(true);
}

const ser = (value: unknown) => JSON.stringify(superjson.serialize(value));
const q = (value: unknown) => encodeURIComponent(ser(value));
const batchInput = (values: unknown[]) =>
  encodeURIComponent(
    JSON.stringify(Object.fromEntries(values.map((v, i) => [i, superjson.serialize(v)]))),
  );
const json = { "content-type": "application/json" };
const post = (path: string, body: string, headers: Record<string, string> = {}): WireRequest => ({
  method: "POST",
  path,
  headers: { ...json, "x-request-id": REQUEST_ID, ...headers },
  body,
});
const echo = { text: "héllo ✓", at: PROBE_DATE, tags: ["a", "b"] };

/** [name, request, the handler the lean server must use] */
const scenarios: [string, () => WireRequest, Served][] = [
  // Queries and mutations
  [
    "no-input query (superjson Date, BigInt, Set, Map, undefined)",
    () => ({ path: "/trpc/probe.fixed" }),
    "lean",
  ],
  ["query returning undefined", () => ({ path: "/trpc/probe.nothing" }), "lean"],
  [
    "query with a superjson Date input",
    () => ({ path: `/trpc/probe.echo?input=${q(echo)}` }),
    "lean",
  ],
  [
    "query input with + and unicode",
    () => ({ path: `/trpc/probe.echo?input=${q({ text: "a+b c" }).replace(/%20/g, "+")}` }),
    "lean",
  ],
  ["query with an empty input parameter", () => ({ path: "/trpc/probe.fixed?input=" }), "lean"],
  [
    "query with unrelated parameters",
    () => ({ path: `/trpc/probe.echo?x=1&input=${q(echo)}&input=${q({ text: "second" })}` }),
    "lean",
  ],
  ["mutation", () => post("/trpc/probe.save", ser(echo)), "lean"],
  ["mutation without input", () => post("/trpc/probe.touch", ""), "lean"],
  [
    "mutation body with a UTF-8 BOM",
    () => post("/trpc/probe.save", `\uFEFF${ser({ text: "bom" })}`),
    "lean",
  ],
  [
    "mutation with charset in the content type",
    () =>
      post("/trpc/probe.save", ser(echo), { "content-type": "application/json; charset=utf-8" }),
    "lean",
  ],
  // tRPC 11.19 matches the content type case-sensitively (a 415); later releases accept it.
  [
    "mutation with an upper-case content type",
    () =>
      post("/trpc/probe.save", ser(echo), { "content-type": "Application/JSON; charset=utf-8" }),
    "stock",
  ],
  [
    "mutation with a query input (ignored)",
    () => post(`/trpc/probe.save?input=${q({ text: "query" })}`, ser({ text: "body" })),
    "lean",
  ],
  [
    "headers and cookies set by a procedure",
    () => post("/trpc/probe.headers", ser({ fail: false })),
    "lean",
  ],
  [
    "headers and cookies set before a TOO_MANY_REQUESTS",
    () => post("/trpc/probe.headers", ser({ fail: true })),
    "lean",
  ],
  ["output validation failure", () => ({ path: "/trpc/probe.badOutput" }), "lean"],

  // Batches
  [
    "batch of several queries",
    () => ({
      path: `/trpc/probe.fixed,probe.echo,probe.echo,probe.nothing?batch=1&input=${batchInput([undefined, echo, { text: "2" }])}`,
    }),
    "lean",
  ],
  [
    "batch of mutations",
    () =>
      post(
        "/trpc/probe.save,probe.touch,probe.save?batch=1",
        JSON.stringify({ 0: superjson.serialize(echo), 2: superjson.serialize({ text: "third" }) }),
      ),
    "lean",
  ],
  [
    "batch mixing success and error (207)",
    () => ({
      path: `/trpc/probe.fixed,probe.fail,probe.echo?batch=1&input=${batchInput([undefined, { code: "CONFLICT" }, { text: 5 }])}`,
    }),
    "lean",
  ],
  [
    "batch of errors with one status",
    () => ({
      path: `/trpc/probe.fail,probe.fail?batch=1&input=${batchInput([{ code: "NOT_FOUND" }, { code: "NOT_FOUND" }])}`,
    }),
    "lean",
  ],
  [
    "batch of errors with different statuses",
    () => ({
      path: `/trpc/probe.fail,probe.explode?batch=1&input=${batchInput([{ code: "FORBIDDEN" }])}`,
    }),
    "lean",
  ],
  [
    "batch with an unknown procedure",
    () => ({ path: "/trpc/probe.fixed,nope.nothing?batch=1" }),
    "lean",
  ],
  [
    "batch at the limit",
    () => ({ path: `/trpc/${Array(10).fill("probe.nothing").join(",")}?batch=1` }),
    "lean",
  ],
  [
    "batch over the limit",
    () => ({ path: `/trpc/${Array(11).fill("probe.nothing").join(",")}?batch=1` }),
    "lean",
  ],
  [
    "batch input that is not an object",
    () => ({ path: `/trpc/probe.echo,probe.echo?batch=1&input=${encodeURIComponent("[1,2]")}` }),
    "lean",
  ],
  [
    "batch mixing queries and mutations",
    () => ({ path: "/trpc/probe.fixed,probe.touch?batch=1" }),
    "lean",
  ],
  [
    "batch of one",
    () => ({ path: `/trpc/probe.echo?batch=1&input=${batchInput([echo])}` }),
    "lean",
  ],
  ["batch=0 is a single call", () => ({ path: "/trpc/probe.fixed?batch=0" }), "lean"],
  ["mutation batch sent as GET", () => ({ path: "/trpc/probe.touch,probe.touch?batch=1" }), "lean"],
  [
    "stream-like result in a batch",
    () => ({ path: "/trpc/probe.deferred,probe.fixed?batch=1" }),
    "lean",
  ],

  // Errors
  ["zod validation error", () => post("/trpc/probe.rename", ser({ name: "x" })), "lean"],
  [
    "zod validation error in a query",
    () => ({ path: `/trpc/probe.slow?input=${q({ ms: "soon" })}` }),
    "lean",
  ],
  ["missing input", () => post("/trpc/probe.save", ""), "lean"],
  // The `.input()` / `.output()` validators the lean runner rebuilds (src/validators.ts).
  [
    "two merged inputs and a stripping output",
    () => ({ path: `/trpc/probe.merged?input=${q({ orgId: "org", text: "hi", at: PROBE_DATE })}` }),
    "lean",
  ],
  [
    "the second of two inputs refused",
    () => ({ path: `/trpc/probe.merged?input=${q({ orgId: "org", text: 5 })}` }),
    "lean",
  ],
  [
    "the first of two inputs refused",
    () => ({ path: `/trpc/probe.merged?input=${q({ orgId: "o", text: "hi" })}` }),
    "lean",
  ],
  ["async refinements pass", () => ({ path: `/trpc/probe.checked?input=${q({ n: 5 })}` }), "lean"],
  [
    "async input refinement refused",
    () => ({ path: `/trpc/probe.checked?input=${q({ n: -1 })}` }),
    "lean",
  ],
  [
    "async output refinement fails",
    () => ({ path: `/trpc/probe.checked?input=${q({ n: 50 })}` }),
    "lean",
  ],
  ["unexpected thrown error (masked)", () => ({ path: "/trpc/probe.explode" }), "lean"],
  ["unknown procedure", () => ({ path: "/trpc/nope.nothing" }), "lean"],
  ["unknown procedure by POST", () => post("/trpc/nope.nothing", "{}"), "lean"],
  ["GET on a mutation (405, allow)", () => ({ path: `/trpc/probe.save?input=${q(echo)}` }), "lean"],
  ["POST on a query (405, allow)", () => post("/trpc/probe.fixed", "{}"), "lean"],
  [
    "body over the limit",
    () => post("/trpc/probe.rename", JSON.stringify({ json: { name: "x".repeat(5_000) } })),
    "lean",
  ],
  [
    "body over the limit, procedure without input",
    () => post("/trpc/probe.touch", "x".repeat(5_000)),
    "lean",
  ],
  ["malformed JSON body", () => post("/trpc/probe.rename", "{not json"), "lean"],
  ["malformed query input", () => ({ path: "/trpc/probe.slow?input=%7Bbroken" }), "lean"],
  [
    "malformed superjson meta",
    () => ({
      path: `/trpc/probe.echo?input=${encodeURIComponent(JSON.stringify({ json: { text: "x" }, meta: { values: { text: ["bogus"] } } }))}`,
    }),
    "lean",
  ],
  ["stream-like result, single call", () => ({ path: "/trpc/probe.deferred" }), "lean"],
  ...ERROR_CODES.map((code): [string, () => WireRequest, Served] => [
    `TRPCError ${code}`,
    () => ({ path: `/trpc/probe.fail?input=${q({ code })}` }),
    "lean",
  ]),
  ...[0, 10, 20].map((from): [string, () => WireRequest, Served] => {
    const codes = ERROR_CODES.slice(from, from + 10);
    return [
      `TRPCError codes ${from + 1}–${from + codes.length} in one batch`,
      () => ({
        path: `/trpc/${codes.map(() => "probe.fail").join(",")}?batch=1&input=${batchInput(codes.map((code) => ({ code })))}`,
      }),
      "lean",
    ];
  }),

  // A middleware reading the context, as an auth check does
  [
    "middleware with a context value",
    () => ({ path: "/trpc/probe.whoami", headers: { authorization: "Bearer abc" } }),
    "lean",
  ],
  ["middleware refusing (401)", () => ({ path: "/trpc/probe.whoami" }), "lean"],

  // What stays with the stock adapter
  [
    "streamed batch (httpBatchStreamLink)",
    () => ({
      path: "/trpc/probe.fixed,probe.deferred?batch=1",
      headers: { "trpc-accept": "application/jsonl" },
    }),
    "stock",
  ],
  [
    "jsonl accept without a batch",
    () => ({ path: "/trpc/probe.fixed", headers: { accept: "application/jsonl" } }),
    "stock",
  ],
  ["subscription over SSE", () => ({ path: "/trpc/probe.ticks" }), "stock"],
  ["subscription in a batch", () => ({ path: "/trpc/probe.ticks,probe.ticks?batch=1" }), "stock"],
  ["HEAD", () => ({ method: "HEAD", path: "/trpc/probe.fixed" }), "stock"],
  ["PUT", () => ({ method: "PUT", path: "/trpc/probe.fixed", headers: json, body: "{}" }), "stock"],
  [
    "GET with a multipart content type",
    () => ({
      path: "/trpc/probe.fixed",
      headers: { "content-type": "multipart/form-data; boundary=x" },
    }),
    "stock",
  ],
  [
    "GET with a text/plain content type",
    () => ({ path: "/trpc/probe.fixed", headers: { "content-type": "text/plain" } }),
    "stock",
  ],
  ["trailing slash", () => ({ path: "/trpc/probe.fixed/" }), "stock"],
  ["bare /trpc/", () => ({ path: "/trpc/" }), "stock"],
  ["bare /trpc", () => ({ path: "/trpc" }), "stock"],
  ["percent-encoded path", () => ({ path: "/trpc/probe%2Efixed" }), "stock"],
  ["dot segment", () => ({ path: "/trpc/.." }), "stock"],
  [
    "connectionParams",
    () => ({ path: `/trpc/probe.fixed?connectionParams=${encodeURIComponent('{"a":1}')}` }),
    "stock",
  ],
  [
    "a Host that is not a valid URL host",
    () => ({ path: "/trpc/probe.fixed", headers: { host: "[::1" } }),
    "stock",
  ],
];

describe("wire compatibility: stock vs lean adapter", () => {
  it("covers every TRPCError code", () => {
    expect(ERROR_CODES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(scenarios)("%s", async (_, spec, served) => {
    expectSame(await both(pair, spec()), served);
  });

  it.each(scenarios)("%s (tRPC's middleware runner)", async (_, spec, served) => {
    expectSame(await both(trpcRunnerPair, spec()), served);
  });

  it("the lean adapter answers with one write and a content length", async () => {
    const { actual, expected } = await both(pair, { path: "/trpc/probe.fixed" });
    expect(expected.bytes.length).toBeGreaterThan(0);
    const res = await fetch(`${pair.leanUrl}/trpc/probe.fixed`);
    expect(res.headers.get("content-length")).toBe(String(actual.bytes.length));
    expect(res.headers.get("transfer-encoding")).toBeNull();
  });
});

/** A fetch that records each HTTP exchange the client makes. */
function recordingFetch(log: string[]): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    const copy = res.clone();
    const text = await copy.text();
    const headers = [...res.headers]
      .filter(([name]) => !UNCOMPARED_HEADERS.has(name))
      .map(([name, value]) => `${name}: ${value}`);
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    log.push(
      JSON.stringify({
        request: `${init?.method ?? "GET"} ${url.replace(/^http:\/\/[^/]+/, "")}`,
        body: init?.body ?? null,
        status: res.status,
        headers,
        response: text,
      }),
    );
    return res;
  };
}

type LinkFactory = (url: string, fetchImpl: typeof fetch) => TRPCLink<ProbeRouter>;

const links: [string, LinkFactory][] = [
  [
    "httpLink",
    (url, f) =>
      httpLink({ url, transformer: superjson, fetch: f, headers: { "x-request-id": REQUEST_ID } }),
  ],
  [
    "httpBatchLink",
    (url, f) =>
      httpBatchLink({
        url,
        transformer: superjson,
        fetch: f,
        maxItems: 10,
        headers: { "x-request-id": REQUEST_ID },
      }),
  ],
  [
    "httpBatchStreamLink",
    (url, f) =>
      httpBatchStreamLink({
        url,
        transformer: superjson,
        fetch: f,
        maxItems: 10,
        headers: { "x-request-id": REQUEST_ID },
      }),
  ],
];

async function clientScript(base: string, link: LinkFactory) {
  const log: string[] = [];
  const client = createTRPCClient<ProbeRouter>({
    links: [link(`${base}/trpc`, recordingFetch(log))],
  });
  const outcome = async (call: () => Promise<unknown>) => {
    try {
      return { ok: superjson.serialize(await call()) };
    } catch (error) {
      if (!(error instanceof TRPCClientError)) throw error;
      return { error: { message: error.message, data: error.data, shape: error.shape } };
    }
  };
  const queries = await Promise.all([
    outcome(() => client.probe.fixed.query()),
    outcome(() => client.probe.echo.query(echo)),
    outcome(() => client.probe.fail.query({ code: "CONFLICT" })),
    outcome(() => client.probe.explode.query()),
    outcome(() => client.probe.nothing.query()),
    outcome(async () => {
      const result = await client.probe.deferred.query();
      return { now: result.now, later: await result.later };
    }),
  ]);
  const mutations = await Promise.all([
    outcome(() => client.probe.save.mutate(echo)),
    outcome(() => client.probe.rename.mutate({ name: "x" })),
    outcome(() => client.probe.touch.mutate()),
  ]);
  return { outcomes: [...queries, ...mutations], exchanges: log.sort() };
}

describe("wire compatibility through @trpc/client links", () => {
  it.each(links)("%s sees the same results, errors and exchanges", async (_, link) => {
    const expected = await clientScript(pair.stockUrl, link);
    const actual = await clientScript(pair.leanUrl, link);
    expect(actual.outcomes).toEqual(expected.outcomes);
    expect(actual.exchanges).toEqual(expected.exchanges);
    expect(expected.outcomes[0]).toHaveProperty("ok");
  });
});
