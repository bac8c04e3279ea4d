import { healthOutput, infoOutput, runtimeOutput } from "@tesseract/validators";
import { checkHealth } from "../health.ts";
import { adminProcedure, publicProcedure, router } from "../trpc.ts";

const version = "0.1.0";

export const systemRouter = router({
  health: publicProcedure
    .meta({ summary: "Each backing service's status and latency" })
    .output(healthOutput)
    .query(({ ctx }) =>
      checkHealth(ctx.services, { showErrors: ctx.services.config.env !== "production" }),
    ),

  // Public: only what a signed-out page needs. Version, runtime and uptime help an attacker
  // pick exploits and time restarts, so they are in system.runtime, for platform admins.
  info: publicProcedure
    .meta({ summary: "Name and service mode of this installation" })
    .output(infoOutput)
    .query(({ ctx }) => {
      const { config } = ctx.services;
      return {
        name: "Tesseract",
        mode: config.mode,
        /** Whether dev.seedDemo loads demo data here (onboarding offers it). */
        demoData: config.demoData,
        /** What clients must stay within: the SDK sizes its batches from this. */
        limits: { maxBatchSize: config.server.maxBatchSize },
      };
    }),

  runtime: adminProcedure
    .meta({
      summary: "Version, environment, Node.js and uptime of this API server (platform admins)",
    })
    .output(runtimeOutput)
    .query(({ ctx }) => {
      const { config, startedAt } = ctx.services;
      return {
        version,
        environment: config.env,
        node: process.version,
        uptimeSeconds: Math.floor((Date.now() - startedAt.getTime()) / 1000),
        startedAt,
      };
    }),
});
