import { appRouter, mergeRouters, publicProcedure, router } from "@tesseract/api";
import { z } from "zod";

/** Counts resolver runs, so tests can prove a refused request ran nothing. */
export const probeCalls = { count: 0 };

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
      slow: publicProcedure
        .input(z.object({ ms: z.number().int().max(10_000) }))
        .query(async ({ input }) => {
          await new Promise((resolve) => setTimeout(resolve, input.ms));
          return { sleptMs: input.ms };
        }),
    }),
  }),
);
