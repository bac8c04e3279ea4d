import { activeTracing } from "@tesseract/telemetry";
import {
  devInboxOutput,
  devSlowestOutput,
  devTraceInput,
  devTraceOutput,
  devTracesInput,
  devTracesOutput,
  jobPageOutput,
  listJobsInput,
  seedDemoOutput,
} from "@tesseract/validators";
import { listJobs } from "../domain/admin-jobs.ts";
import { slowestProcedures } from "../domain/dev-dashboard.ts";
import { AppError } from "../errors.ts";
import { seedDemo } from "../seed/demo.ts";
import { publicProcedure, router, sessionProcedure } from "../trpc.ts";

/**
 * The development dashboard's reads (`/dev`): outside production only, where the machine is
 * the developer's own. In production they answer NOT_FOUND, as if they did not exist.
 */
const devProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.services.config.tracing.devDashboard)
    throw new AppError("NOT_FOUND", "The development dashboard is off");
  return next();
});

export const devRouter = router({
  /** Emails kept in memory when no SMTP_URL is set, for the development inbox page. */
  inbox: publicProcedure
    .meta({ summary: "Emails sent (development only)" })
    .output(devInboxOutput)
    .query(({ ctx }) => {
      const { config, mailer } = ctx.services;
      if (!config.mail.devInbox || mailer.kind !== "memory")
        throw new AppError("NOT_FOUND", "The development inbox is off");
      return mailer.inbox();
    }),

  /** The most recent traces this server kept (requests, and the jobs they caused), newest first. */
  traces: devProcedure
    .meta({ summary: "Recent request traces (development only)" })
    .input(devTracesInput)
    .output(devTracesOutput)
    .query(({ input }) => activeTracing()?.store?.recent(input.limit) ?? []),

  /** One trace's spans in start order, for its waterfall. */
  trace: devProcedure
    .meta({ summary: "One trace's spans (development only)" })
    .input(devTraceInput)
    .output(devTraceOutput)
    .query(({ input }) => {
      const spans = activeTracing()?.store?.trace(input.traceId);
      if (!spans) throw new AppError("NOT_FOUND", "That trace is not (or no longer) kept");
      return spans;
    }),

  /** Procedures in the kept traces, slowest first. */
  slowest: devProcedure
    .meta({ summary: "The slowest procedures (development only)" })
    .output(devSlowestOutput)
    .query(() => slowestProcedures(activeTracing()?.store)),

  /** Recent jobs with their runs (the same view as admin.jobs.list, without an administrator). */
  jobs: devProcedure
    .meta({ summary: "Recent jobs and their runs (development only)" })
    .input(listJobsInput)
    .output(jobPageOutput)
    .query(({ ctx, input }) => listJobs(ctx.services.db, input)),

  /** Loads the demo organization (the embedded first run offers it) and makes the caller an owner. */
  seedDemo: sessionProcedure
    .meta({ summary: "Load the demo data (development only)" })
    .output(seedDemoOutput)
    .mutation(async ({ ctx }) => {
      // Any signed-in person becomes an owner of the shared demo organization: only where that
      // harms no one (see Config.demoData).
      if (!ctx.services.config.demoData) {
        throw new AppError(
          "NOT_FOUND",
          "Demo data loads here only in the embedded mode; run pnpm db:seed",
        );
      }
      const result = await seedDemo(ctx.services.db, { extraOwnerId: ctx.auth.user.id });
      return { orgId: result.orgId, created: result.created };
    }),
});
