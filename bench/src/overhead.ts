/**
 * `pnpm --filter @tesseract/bench run overhead [--rounds 10] [--workload no-input,authed]`:
 * issue 13's rows of `pnpm bench` alone — the lean server without metrics or tracing, with
 * metrics on, and with metrics and tracing on (exporting over OTLP to a collector in this
 * process) — loaded in turns, one second each, and compared by req/s and by server CPU per
 * request. Quicker than the whole bench while working on the request path's telemetry; writes
 * nothing. See bench/README.md.
 */
import { parseArgs } from "node:util";
import { cleanupOnSignals, defer, runBench } from "./cleanup.ts";
import { freePort } from "@tesseract/config";
import { runInterleaved, type LoadResult } from "./load.ts";
import { startCollector } from "./observability.ts";
import { roundFlags, roundLoad } from "./options.ts";
import { api, verifyRun, type Target, type WorkloadId } from "./scenarios.ts";
import { seedFixtures } from "./seed.ts";
import { prepareServicesMode } from "./services.ts";
import { startApiServer, type ApiServerRun } from "./start-server.ts";

const log = (message: string) => process.stderr.write(`overhead: ${message}\n`);
const TARGETS = ["lean", "metrics", "traced"] as const satisfies readonly Target[];
type Server = (typeof TARGETS)[number] | "control";
const WORKLOADS = ["no-input", "authed"] as const satisfies readonly WorkloadId[];

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: {
      ...roundFlags,
      workload: { type: "string", default: WORKLOADS.join(",") },
      // A second server without metrics or tracing, loaded like the others: the noise floor.
      control: { type: "boolean", default: false },
      // OTEL_TRACES_SAMPLER_ARG for the traced server (unset: production's default ratio).
      sample: { type: "string" },
      // TRACING_MAX_PER_SECOND for the traced server (unset: production's default cap).
      cap: { type: "string" },
      // Server processes per configuration: one process can run 10 % apart from an identical
      // one for the whole run (its JIT and heap layout), so several are averaged.
      processes: { type: "string", default: "1" },
    },
    strict: true,
  });
  const workloads = values.workload.split(",").map((name) => {
    if (!(WORKLOADS as readonly string[]).includes(name))
      throw new Error(`--workload takes ${WORKLOADS.join(", ")}, not "${name}"`);
    return name as (typeof WORKLOADS)[number];
  });
  const processes = Number(values.processes);
  if (!Number.isInteger(processes) || processes < 1)
    throw new Error(`--processes takes a whole number from 1, not "${values.processes}"`);
  return {
    workloads,
    processes,
    sample: values.sample,
    cap: values.cap,
    servers: [...TARGETS, ...(values.control ? (["control"] as const) : [])] as Server[],
    load: roundLoad(values),
  };
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** One configuration's processes together: mean req/s, and CPU per request over all of them. */
interface Combined {
  requestsPerSec: number;
  cpuUsPerRequest: number;
  perProcess: number[];
}

function combine(results: LoadResult[]): Combined {
  const perProcess = results.map((result) => result.requestsPerSec);
  const cpuMs = results.reduce((sum, result) => sum + (result.serverCpuMs ?? NaN), 0);
  const requests = results.reduce((sum, result) => sum + result.totalRequests, 0);
  return {
    requestsPerSec: Math.round(perProcess.reduce((sum, value) => sum + value, 0) / results.length),
    cpuUsPerRequest: (cpuMs * 1000) / requests,
    perProcess,
  };
}

function row(workload: string, target: string, own: Combined, plain: Combined): string {
  const lost = target === "lean" ? "–" : pct(1 - own.requestsPerSec / plain.requestsPerSec);
  const byCpu = target === "lean" ? "–" : pct(own.cpuUsPerRequest / plain.cpuUsPerRequest - 1);
  const each =
    own.perProcess.length > 1
      ? ` | ${own.perProcess.map((value) => value.toLocaleString("en-US")).join(" / ")}`
      : "";
  return `| ${workload} | ${target} | ${own.requestsPerSec.toLocaleString("en-US")} | ${own.cpuUsPerRequest.toFixed(1)} µs | ${lost} | ${byCpu}${each} |`;
}

async function main(): Promise<void> {
  const opts = options();
  cleanupOnSignals();
  log("preparing services mode");
  const services = await prepareServicesMode();
  const collector = await startCollector();
  defer("stop the OTLP collector", () => collector.close());
  const envs: Record<Server, Record<string, string>> = {
    lean: services.env,
    control: services.env,
    metrics: { ...services.env, METRICS_PORT: String(await freePort()) },
    traced: {
      ...services.env,
      METRICS_PORT: String(await freePort()),
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      ...(opts.sample === undefined ? {} : { OTEL_TRACES_SAMPLER_ARG: opts.sample }),
      ...(opts.cap === undefined ? {} : { TRACING_MAX_PER_SECOND: opts.cap }),
    },
  };
  const servers = {} as Record<Server, ApiServerRun[]>;
  for (const target of opts.servers) {
    servers[target] = [];
    for (let index = 0; index < opts.processes; index++) {
      // Each process of a configuration gets its own metrics listener.
      const env = envs[target].METRICS_PORT
        ? { ...envs[target], METRICS_PORT: String(await freePort()) }
        : envs[target];
      const server = await startApiServer(env, "warn");
      defer(`stop API server (${target} #${index + 1})`, () => server.stop());
      servers[target].push(server);
    }
  }
  const fixtures = await seedFixtures(servers.lean[0]!.url, services.database);
  const several = opts.processes > 1;
  const lines = [
    `| workload | server | req/s | server CPU / request | req/s lost | by CPU |${several ? " req/s of each process |" : ""}`,
    `| --- | --- | ---: | ---: | ---: | ---: |${several ? " --- |" : ""}`,
  ];
  for (const workload of opts.workloads) {
    // The control server answers as the plain lean one does: it runs the same workload.
    const runs = opts.servers.map((server) => ({
      server,
      run: api(workload, server === "control" ? "lean" : server),
    }));
    for (const { server, run } of runs)
      for (const instance of servers[server]) await verifyRun(run, instance.url, fixtures);
    log(
      `load: ${workload} on ${opts.servers.join(", ")} (${opts.processes} process(es) each), ${opts.load.durationSec} rounds`,
    );
    const results = await runInterleaved(
      runs.flatMap(({ server, run }) => {
        const { path, headers } = run.request(fixtures);
        return servers[server].map((instance, index) => ({
          key: `${server}#${index}`,
          url: `${instance.url}${path}`,
          headers,
          pid: instance.pid,
        }));
      }),
      opts.load,
    );
    const combined = (server: Server) =>
      combine(servers[server].map((_, index) => results.get(`${server}#${index}`)!));
    const plain = combined("lean");
    for (const server of opts.servers) lines.push(row(workload, server, combined(server), plain));
  }
  process.stdout.write(
    `\n${lines.join("\n")}\n\nOTLP export requests received: ${collector.received.requests} (${Math.round(collector.received.bytes / 1024)} KiB)\n`,
  );
}

await runBench(log, main);
