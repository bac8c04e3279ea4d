import { checkHealth } from "../health.ts";
import { publicProcedure, router } from "../trpc.ts";

const version = "0.1.0";

export const systemRouter = router({
  health: publicProcedure
    .meta({ summary: "Each backing service's status and latency" })
    .query(({ ctx }) =>
      checkHealth(ctx.services, { showErrors: ctx.services.config.env !== "production" }),
    ),

  info: publicProcedure
    .meta({ summary: "Version, mode and uptime of this API server" })
    .query(({ ctx }) => {
      const { config, startedAt } = ctx.services;
      return {
        name: "Tesseract",
        version,
        mode: config.mode,
        environment: config.env,
        /** Whether dev.seedDemo loads demo data here (the embedded default, or tests). */
        demoData: config.demoData,
        uptimeSeconds: Math.floor((Date.now() - startedAt.getTime()) / 1000),
        node: process.version,
        startedAt,
      };
    }),
});
