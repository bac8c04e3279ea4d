import { ConfigError, loadConfig } from "@tesseract/config";
import { EMBEDDED_REFUSAL, startWorker } from "./start.ts";

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (config.jobs.inProcess) {
  process.stderr.write(`${EMBEDDED_REFUSAL}\n`);
  process.exit(1);
}

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
