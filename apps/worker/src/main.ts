import { ConfigError, loadConfig } from "@tesseract/config";

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (config.jobs.inProcess) {
  const { EMBEDDED_REFUSAL } = await import("./start.ts");
  process.stderr.write(`${EMBEDDED_REFUSAL}\n`);
  // Not a failure under `pnpm dev` / `pnpm start` on the embedded default (which start this
  // process too); in production it is a misconfiguration.
  process.exit(config.isProduction ? 1 : 0);
}

// As in the server: the library instrumentations go in before the application loads.
if (config.tracing.enabled && config.tracing.otlpEndpoint)
  await import("@tesseract/telemetry/preload");
const { startWorker } = await import("./start.ts");
const worker = await startWorker(config).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
});

/** SIGTERM / SIGINT: finish running jobs (or hand them back) and exit 0, or 1 when some were handed back. */
const onSignal = (signal: NodeJS.Signals) => {
  worker.logger.info({ signal }, "shutting down");
  worker.stop().then(
    (drained) => {
      worker.logger.info({ drained }, "stopped");
      process.exit(drained ? 0 : 1);
    },
    (err: unknown) => {
      worker.logger.error({ err }, "shutdown failed");
      process.exit(1);
    },
  );
};
process.once("SIGTERM", onSignal);
process.once("SIGINT", onSignal);
