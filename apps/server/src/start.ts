import { createLogger, createServices, type Logger } from "@tesseract/api";
import { ConfigError, loadConfig, loadEmbeddedModule, type Config } from "@tesseract/config";
import type { Server } from "node:http";
import type { AnyTRPCRouter } from "@trpc/server";
import { AppMetrics, startTracing } from "@tesseract/telemetry";
import { createMetricsServer } from "./metrics-server.ts";
import { createApiServer, type ApiAdapter, type ApiServer } from "./server.ts";

export interface StartedServer extends ApiServer {
  url: string;
  /** The internal metrics listener's base URL; undefined when METRICS_PORT is 0. */
  metricsUrl: string | undefined;
  logger: Logger;
}

/**
 * The API server runs jobs only on the embedded stand-ins, so sharp (for thumbnails) is one of
 * its embedded-only packages: a production server image carries no image library.
 */
const loadEmbeddedSharp = () =>
  loadEmbeddedModule(() => import("sharp"), {
    name: "sharp",
    role: "the in-process job runtime (image thumbnails)",
    variable: "AWS_ENDPOINT_URL",
  }).then((module) => module.default);

/** Builds the services, listens, and logs how long start-up took. */
export async function startServer(
  config: Config,
  options: { router?: AnyTRPCRouter; adapter?: ApiAdapter; runner?: "lean" | "trpc" } = {},
): Promise<StartedServer> {
  const logger = createLogger(config);
  // Tracing is on with a collector (OTEL_EXPORTER_OTLP_ENDPOINT) or outside production (the
  // /dev dashboard's recent traces); otherwise nothing is registered and requests pay nothing.
  if (config.tracing.enabled) {
    await startTracing({
      serviceName: "tesseract-server",
      otlpEndpoint: config.tracing.otlpEndpoint,
      keepRecent: config.tracing.devDashboard,
      sampleRatio: config.tracing.sampleRatio,
      maxPerSecond: config.tracing.maxPerSecond,
    });
  }
  const metrics = new AppMetrics();
  metrics.collectDefaults();
  const services = await createServices(config, logger, { metrics });
  const adapter = options.adapter ?? config.server.adapter;
  // The embedded stand-ins are single-process: the relay and the consumer run here, not in
  // apps/worker. Running jobs get the same deadline as requests, side by side with them.
  // Loaded only then: with services the worker runs the jobs, and start-up skips their code.
  const jobs = config.jobs.inProcess
    ? (await import("@tesseract/api/jobs")).startJobRuntime(services, logger, {
        loadImageLibrary: loadEmbeddedSharp,
      })
    : undefined;
  let jobsStopped: Promise<boolean> | undefined;
  const stopJobs = () =>
    (jobsStopped ??= jobs?.stop(config.server.shutdownTimeoutMs) ?? Promise.resolve(true));
  const api = createApiServer({ services, logger, ...options, adapter, beforeClose: stopJobs });
  const url = await listen(api.server, config.server.host, config.server.port);
  let metricsServer: Server | undefined;
  let metricsUrl: string | undefined;
  if (config.metrics) {
    metricsServer = createMetricsServer(api.metrics);
    try {
      metricsUrl = await listen(metricsServer, config.metrics.host, config.metrics.port);
    } catch (error) {
      await api.shutdown();
      throw error;
    }
  }
  const shutdown = async () => {
    metricsServer?.close();
    metricsServer?.closeAllConnections();
    void stopJobs();
    return api.shutdown();
  };
  logger.info(
    {
      url,
      metricsUrl,
      mode: config.mode,
      env: config.env,
      adapter,
      readyInMs: Math.round(
        performance.now(),
      ) /* since the process started, module loading included */,
    },
    "tesseract api server ready",
  );
  return { ...api, shutdown, url, metricsUrl, logger };
}

/** Listens and resolves with the base URL (the real port when `port` is 0). */
async function listen(server: Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return `http://${host.includes(":") ? `[${host}]` : host}:${actual}`;
}

/** SIGTERM / SIGINT: drain and exit 0, or exit 1 when requests had to be cut off. */
export function exitOnSignals(server: StartedServer): void {
  const onSignal = (signal: NodeJS.Signals) => {
    server.logger.info({ signal }, "shutting down");
    server.shutdown().then(
      (drained) => {
        server.logger.info({ drained }, "stopped");
        process.exit(drained ? 0 : 1);
      },
      (err: unknown) => {
        server.logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}

/** Loads the configuration or exits with a message naming every bad variable. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    return exitOnConfigError(error);
  }
}

/**
 * A configuration error found while starting (an embedded-mode package missing from a
 * production install, say) ends the process with its message; anything else is rethrown.
 */
export function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
