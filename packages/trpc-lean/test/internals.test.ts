/**
 * The tRPC (and superjson) internals the lean adapter relies on, each named, so an upgrade that
 * changes one fails here with "tRPC internals changed: <what>" rather than as a byte diff in the
 * wire-compatibility suite.
 */
import * as trpcServer from "@trpc/server";
import { initTRPC, TRPCError } from "@trpc/server";
import * as trpcHttp from "@trpc/server/http";
import * as standalone from "@trpc/server/adapters/standalone";
import SuperJSON from "superjson";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { runnableDef } from "../src/runner.ts";
import { nothingRegistered } from "../src/superjson-fast.ts";

function internal(holds: boolean, what: string, library = "tRPC"): void {
  if (!holds) throw new Error(`${library} internals changed: ${what}`);
}

const t = initTRPC.context<{ user?: string }>().create({ transformer: SuperJSON });
let seenNext: unknown;
const router = t.router({
  nested: t.router({
    ping: t.procedure
      .use(async ({ next }) => {
        seenNext = await next({ ctx: { user: "u" } });
        return seenNext as never;
      })
      .input((raw) => raw as { n: number })
      .query(({ input, ctx }) => ({ n: input.n, user: ctx.user })),
    save: t.procedure.mutation(() => "saved"),
    ticks: t.procedure.subscription(async function* () {
      yield 1;
      await Promise.resolve();
    }),
  }),
});

/** The router's flat procedure map, read as the adapter reads it. */
const procedureMap = () =>
  router._def.procedures as unknown as Record<
    string,
    ((opts: unknown) => Promise<unknown>) & { _def: Record<string, unknown> }
  >;

/** The checks, each throwing "tRPC internals changed: …" when its assumption no longer holds. */
const CHECKS: [string, () => Promise<void> | void][] = [
  [
    "functions imported from @trpc/server",
    () => {
      for (const name of ["getTRPCErrorFromUnknown", "getTRPCErrorShape", "TRPCError"] as const) {
        internal(typeof trpcServer[name] === "function", `@trpc/server no longer exports ${name}`);
      }
      internal(
        typeof trpcHttp.getHTTPStatusCode === "function",
        "@trpc/server/http no longer exports getHTTPStatusCode",
      );
      internal(
        typeof standalone.createHTTPHandler === "function",
        "@trpc/server/adapters/standalone no longer exports createHTTPHandler",
      );
    },
  ],
  [
    "router._def",
    () => {
      const def = router._def as unknown as Record<string, unknown>;
      const procedures = def.procedures as Record<string, unknown> | undefined;
      internal(
        typeof procedures === "object" && typeof procedures["nested.ping"] === "function",
        'router._def.procedures is no longer a flat map of "a.b" paths to procedures',
      );
      internal(typeof def.lazy === "object" && def.lazy !== null, "router._def.lazy is gone");
      const config = def._config as Record<string, unknown> | undefined;
      const transformer = config?.transformer as
        Record<string, Record<string, unknown>> | undefined;
      internal(
        typeof transformer?.input?.deserialize === "function" &&
          typeof transformer.output?.serialize === "function",
        "router._def._config.transformer no longer has input.deserialize and output.serialize",
      );
      internal(
        (config as { pathSeparator?: unknown }).pathSeparator === undefined,
        "router._def._config.pathSeparator exists (a release the adapter does not handle)",
      );
    },
  ],
  [
    "procedure._def",
    () => {
      const procedures = procedureMap();
      const types = ["nested.ping", "nested.save", "nested.ticks"].map(
        (p) => procedures[p]!._def.type,
      );
      internal(
        JSON.stringify(types) === '["query","mutation","subscription"]',
        "procedure._def.type no longer reads query / mutation / subscription",
      );
      const def = procedures["nested.ping"]!._def;
      internal(
        Array.isArray(def.middlewares) && def.middlewares.every((m) => typeof m === "function"),
        "procedure._def.middlewares is no longer an array of functions",
      );
      internal("meta" in def || def.meta === undefined, "procedure._def.meta is gone");
      internal(
        runnableDef(procedures["nested.ping"] as never) !== undefined,
        "procedure._def has a caller, or no middlewares: the lean runner cannot walk it",
      );
    },
  ],
  [
    "the .input() / .output() validator middlewares (rebuilt by src/validators.ts)",
    () => {
      const inputA = z.object({ a: z.string() });
      const inputB = z.object({ b: z.string() });
      const output = z.object({ a: z.string() });
      const def = t.procedure
        .use(({ next }) => next())
        .input(inputA)
        .input(inputB)
        .output(output)
        .query(({ input }) => ({ a: input.a }))._def as unknown as {
        inputs: unknown[];
        output: unknown;
        middlewares: { _type?: string }[];
      };
      internal(
        def.inputs.length === 2 && def.inputs[0] === inputA && def.inputs[1] === inputB,
        "procedure._def.inputs no longer lists the .input() schemas in order",
      );
      internal(def.output === output, "procedure._def.output is no longer the .output() schema");
      const types = def.middlewares.map((middleware) => middleware._type ?? "other");
      internal(
        JSON.stringify(types) === '["other","input","input","output","other"]',
        `procedure._def.middlewares no longer marks its validators with _type (read ${JSON.stringify(types)})`,
      );
    },
  ],
  [
    "the middleware protocol",
    async () => {
      const ping = procedureMap()["nested.ping"]!;
      const data = await ping({
        ctx: {},
        getRawInput: () => Promise.resolve({ n: 1 }),
        path: "nested.ping",
        type: "query",
        signal: undefined,
        batchIndex: 0,
      });
      internal(
        JSON.stringify(data) === '{"n":1,"user":"u"}',
        "procedure(opts) no longer takes { ctx, getRawInput, path, type, signal, batchIndex }",
      );
      const result = seenNext as { ok?: unknown; marker?: unknown; data?: unknown };
      internal(
        result.ok === true && result.marker === "middlewareMarker" && "data" in result,
        'next() no longer resolves to { ok, data, marker: "middlewareMarker" }',
      );
    },
  ],
  [
    "getHTTPStatusCode",
    () => {
      const item = (code: "NOT_FOUND" | "CONFLICT") => ({
        error: { data: { httpStatus: code === "NOT_FOUND" ? 404 : 409 } },
      });
      const status = trpcHttp.getHTTPStatusCode as (items: unknown) => number;
      internal(
        status([item("NOT_FOUND")]) === 404,
        "getHTTPStatusCode no longer reads data.httpStatus",
      );
      internal(
        status([item("NOT_FOUND"), item("CONFLICT")]) === 207,
        "getHTTPStatusCode no longer answers 207 for mixed statuses",
      );
    },
  ],
  [
    "TRPCError",
    () => {
      const error = trpcServer.getTRPCErrorFromUnknown(new TRPCError({ code: "CONFLICT" }));
      internal(error.code === "CONFLICT", "getTRPCErrorFromUnknown no longer keeps a TRPCError");
    },
  ],
  [
    "superjson's default instance",
    () => {
      internal(nothingRegistered(), "superjson.defaultInstance's registries moved", "superjson");
    },
  ],
];

describe("the tRPC internals the lean adapter relies on", () => {
  it.each(CHECKS)("%s", async (_, check) => {
    await check();
  });

  it('fails with "tRPC internals changed: <what>"', () => {
    expect(() => {
      internal(false, "procedure._def.middlewares is no longer an array of functions");
    }).toThrow("tRPC internals changed: procedure._def.middlewares");
  });
});

describe("the lean runner's validators", () => {
  it("replaces tRPC's zod .input() / .output() middlewares, and keeps any other", () => {
    const plain = t.procedure
      .input((raw) => raw as { n: number })
      .output(z.object({ n: z.number() }))
      .query(({ input }) => input);
    const def = plain._def as unknown as { middlewares: unknown[] };
    const walked = runnableDef(plain as never)!;
    // The function-schema input stays tRPC's; the zod output is rebuilt.
    expect(walked.middlewares[0]).toBe(def.middlewares[0]);
    expect(walked.middlewares[1]).not.toBe(def.middlewares[1]);
    expect(walked.middlewares).toHaveLength(def.middlewares.length);
    expect(runnableDef(plain as never)).toBe(walked);
  });
});
