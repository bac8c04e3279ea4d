import { appRouter, mergeRouters, publicProcedure, router } from "@tesseract/api";
import { PROBE_DATE, superjsonSample } from "@tesseract/trpc-lean/testing";
import { TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { z } from "zod";

/** Counts resolver runs, so tests can prove a refused request ran nothing. */
export const probeCalls = { count: 0 };

/**
 * Released when the server process begins to shut down (the probe-server fixture wires it to
 * SIGTERM), so a held request is certainly in flight when shutdown starts.
 */
export const shutdownSignal = (() => {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    promise,
    release: () => {
      release();
    },
  };
})();

export { PROBE_DATE };

export const ERROR_CODES = Object.keys(
  TRPC_ERROR_CODES_BY_KEY,
) as (keyof typeof TRPC_ERROR_CODES_BY_KEY)[];

const echoInput = z.object({
  text: z.string().max(200),
  at: z.date().optional(),
  tags: z.array(z.string()).max(5).optional(),
});

/** The application router plus probes that only tests mount. */
export const probeRouter = mergeRouters(
  appRouter,
  router({
    probe: router({
      count: publicProcedure.query(() => ++probeCalls.count),
      rename: publicProcedure
        .input(
          z.object({ name: z.string().min(2, "Name must have at least 2 characters").max(50) }),
        )
        .mutation(({ input }) => ({ name: input.name, at: new Date() })),
      explode: publicProcedure.query(() => {
        throw new Error('relation "secret_table" does not exist');
      }),
      /** A no-input query with superjson types in its output. */
      fixed: publicProcedure.query(superjsonSample),
      nothing: publicProcedure.query(() => undefined),
      echo: publicProcedure.input(echoInput).query(({ input }) => ({ input, at: PROBE_DATE })),
      save: publicProcedure
        .input(echoInput)
        .mutation(({ input }) => ({ saved: input, at: PROBE_DATE })),
      touch: publicProcedure.mutation(() => ({ touched: true })),
      fail: publicProcedure.input(z.object({ code: z.enum(ERROR_CODES) })).query(({ input }) => {
        throw new TRPCError({ code: input.code, message: `probe failed with ${input.code}` });
      }),
      /** Headers and cookies set through the context, then a result or an error. */
      headers: publicProcedure.input(z.object({ fail: z.boolean() })).mutation(({ ctx, input }) => {
        ctx.response.setHeader("Retry-After", "42");
        ctx.response.appendCookie("probe_a=1; Path=/; HttpOnly");
        ctx.response.appendCookie("probe_b=2; Path=/; HttpOnly");
        if (input.fail) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Slow down" });
        return { ok: true };
      }),
      /** A result only httpBatchStreamLink can carry (a promise inside). */
      deferred: publicProcedure.query(() => ({ now: PROBE_DATE, later: Promise.resolve(7) })),
      badOutput: publicProcedure
        .output(z.object({ id: z.string() }))
        .query(() => ({ id: 42 }) as unknown as { id: string }),
      ticks: publicProcedure.subscription(async function* () {
        yield 1;
        yield 2;
        await Promise.resolve();
      }),
      /** Logs "probe holding", waits for shutdown to begin, then `ms` more, and answers. */
      hold: publicProcedure
        .input(z.object({ ms: z.number().int().min(0).max(60_000) }))
        .query(async ({ ctx, input }) => {
          ctx.logger.info({ requestId: ctx.requestId }, "probe holding");
          await shutdownSignal.promise;
          await new Promise((resolve) => setTimeout(resolve, input.ms));
          return { heldMs: input.ms };
        }),
      slow: publicProcedure
        .input(z.object({ ms: z.number().int().max(10_000) }))
        .query(async ({ input }) => {
          await new Promise((resolve) => setTimeout(resolve, input.ms));
          return { sleptMs: input.ms };
        }),
    }),
  }),
);
