import { createLogger, createServices, type Logger } from "@tesseract/api";
import { startJobRuntime } from "@tesseract/api/jobs";
import type { Config } from "@tesseract/config";
import { AppMetrics, startTracing } from "@tesseract/telemetry";
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHealthServer } from "./health-server.ts";

export const EMBEDDED_REFUSAL =
  "The worker runs only against real services: set DATABASE_URL, and AWS_ENDPOINT_URL " +
  "(LocalStack) or AWS credentials. With the embedded stand-ins (PGlite, the in-process " +
  "S3/SQS emulator) the API server runs the jobs itself: `pnpm dev` needs no worker.";

export interface StartedWorker {
  logger: Logger;
  /** The internal /healthz and /readyz listener's base URL; undefined when turned off. */
  healthUrl: string | undefined;
  /** Stops receiving, lets running jobs finish (or hands them back), closes the services. */
  stop(): Promise<boolean>;
}

/**
 * The worker process: the outbox relay and the job consumer over real services. The embedded
 * stand-ins (PGlite, the in-process emulator) belong to one process, the API server, which runs
 * the same job runtime itself; a worker beside it could not reach them.
 */
export async function startWorker(config: Config): Promise<StartedWorker> {
  if (config.jobs.inProcess) throw new Error(EMBEDDED_REFUSAL);
  const logger = createLogger(config);
  if (config.tracing.enabled && config.tracing.otlpEndpoint) {
    // Job runs continue the traces of the requests that enqueued them, at the collector. The
    // worker keeps no recent traces: /dev shows the API server's, and on the embedded default
    // the jobs run there.
    await startTracing({
      serviceName: "tesseract-worker",
      otlpEndpoint: config.tracing.otlpEndpoint,
      sampleRatio: config.tracing.sampleRatio,
      maxPerSecond: config.tracing.maxPerSecond,
    });
  }
  const metrics = new AppMetrics();
  metrics.collectDefaults();
  const services = await createServices(config, logger, { metrics });
  const jobs = startJobRuntime(services, logger, {
    loadImageLibrary: () => import("sharp").then((module) => module.default),
  });
  let stopping = false;
  let health: Server | undefined;
  let healthUrl: string | undefined;
  if (config.jobs.healthPort !== undefined && config.metrics) {
    health = createHealthServer(services, () => stopping);
    healthUrl = await listen(health, config.metrics.host, config.jobs.healthPort);
  }
  let stopped: Promise<boolean> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      const drained = await jobs.stop(config.jobs.shutdownTimeoutMs);
      health?.close();
      health?.closeAllConnections();
      await services.close();
      return drained;
    })());
  logger.info({ healthUrl, mode: config.mode, env: config.env }, "tesseract worker ready");
  return { logger, healthUrl, stop };
}

/** Listens and resolves with the base URL (the real port when `port` is 0). */
async function listen(server: Server, host: string, port: number): Promise<string> {
  server.listen(port, host);
  await once(server, "listening");
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}
