import type { IncomingMessage, ServerResponse } from "node:http";
import { initTRPC, TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { z } from "zod";
import { PROBE_DATE, superjsonSample } from "../src/testing.ts";

export { PROBE_DATE };

export const ERROR_CODES = Object.keys(
  TRPC_ERROR_CODES_BY_KEY,
) as (keyof typeof TRPC_ERROR_CODES_BY_KEY)[];

/** The context both adapters build: the node response, for procedures that set headers. */
export const probeContext = ({ req, res }: { req: IncomingMessage; res: ServerResponse }) => ({
  res,
  auth: req.headers.authorization ?? null,
});

// isDev off: error stacks name the adapter's frames, which differ between the two.
const t = initTRPC.context<ReturnType<typeof probeContext>>().create({
  transformer: superjson,
  isDev: false,
});

const echoInput = z.object({
  text: z.string().max(200),
  at: z.date().optional(),
  tags: z.array(z.string()).max(5).optional(),
});

/** Procedures covering every shape of the wire the lean adapter serves; no database, no cache. */
export const probeRouter = t.router({
  probe: t.router({
    rename: t.procedure
      .input(z.object({ name: z.string().min(2, "Name must have at least 2 characters").max(50) }))
      .mutation(({ input }) => ({ name: input.name, at: PROBE_DATE })),
    explode: t.procedure.query(() => {
      throw new Error('relation "secret_table" does not exist');
    }),
    /** A no-input query with superjson types in its output. */
    fixed: t.procedure.query(superjsonSample),
    nothing: t.procedure.query(() => undefined),
    echo: t.procedure.input(echoInput).query(({ input }) => ({ input, at: PROBE_DATE })),
    save: t.procedure.input(echoInput).mutation(({ input }) => ({ saved: input, at: PROBE_DATE })),
    touch: t.procedure.mutation(() => ({ touched: true })),
    fail: t.procedure.input(z.object({ code: z.enum(ERROR_CODES) })).query(({ input }) => {
      throw new TRPCError({ code: input.code, message: `probe failed with ${input.code}` });
    }),
    /** Headers and cookies set on the response, then a result or an error. */
    headers: t.procedure.input(z.object({ fail: z.boolean() })).mutation(({ ctx, input }) => {
      ctx.res.setHeader("Retry-After", "42");
      ctx.res.appendHeader("set-cookie", "probe_a=1; Path=/; HttpOnly");
      ctx.res.appendHeader("set-cookie", "probe_b=2; Path=/; HttpOnly");
      if (input.fail) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Slow down" });
      return { ok: true };
    }),
    /** A middleware that reads the context (as an auth check would). */
    whoami: t.procedure
      .use(({ ctx, next }) => {
        if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
        return next({ ctx: { user: ctx.auth.slice(0, 20) } });
      })
      .query(({ ctx }) => ({ user: ctx.user })),
    /** A result only httpBatchStreamLink can carry (a promise inside). */
    deferred: t.procedure.query(() => ({ now: PROBE_DATE, later: Promise.resolve(7) })),
    badOutput: t.procedure
      .output(z.object({ id: z.string() }))
      .query(() => ({ id: 42 }) as unknown as { id: string }),
    /** Two `.input()` objects merged, an `.output()` that strips a key (the validator swap). */
    merged: t.procedure
      .input(z.object({ orgId: z.string().min(3) }))
      .input(z.object({ text: z.string().max(20), at: z.date().optional() }))
      .output(z.object({ orgId: z.string(), text: z.string(), at: z.date().optional() }))
      .query(({ input }) => ({ ...input, extra: "stripped by the output schema" })),
    /** Asynchronous refinements: zod's synchronous parse cannot run them (async fallback). */
    checked: t.procedure
      .input(
        z.object({ n: z.number() }).refine(async ({ n }) => {
          await Promise.resolve();
          return n > 0;
        }, "n must be positive"),
      )
      .output(
        z.object({ n: z.number() }).refine(async ({ n }) => {
          await Promise.resolve();
          return n < 100;
        }, "n must stay below 100"),
      )
      .query(({ input }) => ({ n: input.n * 10 })),
    ticks: t.procedure.subscription(async function* () {
      yield 1;
      yield 2;
      await Promise.resolve();
    }),
    slow: t.procedure
      .input(z.object({ ms: z.number().int().max(10_000) }))
      .query(async ({ input }) => {
        await new Promise((resolve) => setTimeout(resolve, input.ms));
        return { sleptMs: input.ms };
      }),
  }),
});

export type ProbeRouter = typeof probeRouter;
