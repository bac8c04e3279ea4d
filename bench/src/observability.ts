import { createServer } from "node:http";
import {
  DEFAULT_PRODUCTION_SAMPLE_RATIO,
  DEFAULT_PRODUCTION_TRACES_PER_SECOND,
} from "@tesseract/config";
import type { AddressInfo } from "node:net";
import type { RunReport } from "./report.ts";

/** Issue 13: what metrics and tracing may cost the lean server, in req/s. */
export const OBSERVABILITY_TARGETS = { metricsOverhead: 0.05, tracingOverhead: 0.15 } as const;

export interface OverheadResult {
  workload: string;
  /** 1 − req/s of the server with metrics (or tracing) ÷ req/s of the one without. */
  metrics: number | undefined;
  tracing: number | undefined;
  /** The same from server CPU per request: its µs ÷ the plain server's µs − 1. */
  metricsByCpu: number | undefined;
  tracingByCpu: number | undefined;
  /** The same for the traced server without the cap on new traces a second. */
  uncapped?: number | undefined;
  uncappedByCpu?: number | undefined;
}

export interface Collector {
  url: string;
  /** OTLP export requests received and their bytes: the traced server did export. */
  received: { requests: number; bytes: number };
  close(): Promise<void>;
}

/**
 * An OTLP/HTTP collector in the bench's own process: accepts `POST /v1/traces`, counts what
 * arrives and answers 200 at once, so the traced server pays for building and exporting spans
 * and nothing for a slow backend.
 */
export async function startCollector(): Promise<Collector> {
  const received = { requests: 0, bytes: 0 };
  const server = createServer((req, res) => {
    req.on("data", (chunk: Buffer) => (received.bytes += chunk.length));
    req.on("end", () => {
      received.requests++;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

export function overheadResults(reports: RunReport[]): OverheadResult[] {
  const find = (key: string) => reports.find((r) => r.key === key);
  return ["no-input", "authed"].flatMap((workload) => {
    const plain = find(`${workload}/lean`);
    if (!plain) return [];
    const cost = (target: string) => {
      const run = find(`${workload}/${target}`);
      return run ? 1 - run.requestsPerSec / plain.requestsPerSec : undefined;
    };
    const cpuCost = (target: string) => {
      const own = find(`${workload}/${target}`)?.serverCpuUsPerRequest;
      const base = plain.serverCpuUsPerRequest;
      return own === undefined || base === undefined || base === 0 ? undefined : own / base - 1;
    };
    return [
      {
        workload,
        metrics: cost("metrics"),
        tracing: cost("traced"),
        metricsByCpu: cpuCost("metrics"),
        tracingByCpu: cpuCost("traced"),
        uncapped: cost("uncapped"),
        uncappedByCpu: cpuCost("uncapped"),
      },
    ];
  });
}

const pct = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "–" : `${(value * 100).toFixed(1)} %`;

/**
 * The traced server's sampler: production's default (the bench sets neither
 * OTEL_TRACES_SAMPLER_ARG nor TRACING_MAX_PER_SECOND), so its cost is what a production server pays.
 */
export const TRACED_SAMPLER = `parent-based, trace-id ratio ${DEFAULT_PRODUCTION_SAMPLE_RATIO} capped at ${DEFAULT_PRODUCTION_TRACES_PER_SECOND} new traces a second (production's default: OTEL_TRACES_SAMPLER_ARG and TRACING_MAX_PER_SECOND unset)`;

/** TRACING_MAX_PER_SECOND of the bench's "uncapped" server: more than it can ever serve. */
export const UNCAPPED_TRACES_PER_SECOND = 1_000_000;

export function renderOverhead(
  results: OverheadResult[],
  collector: Collector["received"] | undefined,
  sampler: string | undefined,
): string[] {
  const pass = (value: number | undefined, max: number) =>
    value === undefined ? "–" : value <= max ? "PASS" : "MISS";
  const { metricsOverhead, tracingOverhead } = OBSERVABILITY_TARGETS;
  return [
    "| overhead (issue 13), against the lean server without either | req/s lost | target | | by server CPU per request |",
    "| --- | ---: | ---: | --- | ---: |",
    ...results.flatMap((r) => [
      `| ${r.workload}: metrics on (METRICS_PORT set), tracing off | ${pct(r.metrics)} | ≤ ${metricsOverhead * 100} % | ${pass(r.metrics, metricsOverhead)} | ${pct(r.metricsByCpu)} |`,
      `| ${r.workload}: metrics and tracing on (sampled), exporting over OTLP | ${pct(r.tracing)} | ≤ ${tracingOverhead * 100} % | ${pass(r.tracing, tracingOverhead)} | ${pct(r.tracingByCpu)} |`,
      ...(r.uncapped === undefined
        ? []
        : [
            `| ${r.workload}: the same at the ratio alone, no cap on new traces a second | ${pct(r.uncapped)} | (≤ ${tracingOverhead * 100} %) | ${pass(r.uncapped, tracingOverhead)} | ${pct(r.uncappedByCpu)} |`,
          ]),
    ]),
    "",
    collector
      ? `The traced servers (capped and not) sent ${collector.requests.toLocaleString("en-US")} OTLP export requests (${Math.round(collector.bytes / 1024).toLocaleString("en-US")} KiB) to the bench's in-process collector.`
      : "",
    "",
    sampler ? `The traced server's sampler: ${sampler}.` : "",
    "",
  ];
}
