/**
 * `pnpm --filter @tesseract/bench run ab -- --against <checkout> [--workload authed,no-input]
 * [--rounds 10] [--env KEY=VALUE]...`: this checkout's API server and another checkout's (a
 * `git worktree` of the commit to compare with, installed), loaded in turns one second at a
 * time (each round starting with the other one), and compared by req/s and server CPU per
 * request. For a change to the request path: both run side by side on the same services, so
 * the machine's state weighs on both alike. Writes nothing. See bench/README.md.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { cleanupOnSignals, defer, runBench } from "./cleanup.ts";
import { runInterleaved } from "./load.ts";
import { roundFlags, roundLoad } from "./options.ts";
import { api, verifyRun, WORKLOADS, type WorkloadId } from "./scenarios.ts";
import { seedFixtures } from "./seed.ts";
import { prepareServicesMode } from "./services.ts";
import { startApiServer } from "./start-server.ts";

const log = (message: string) => process.stderr.write(`ab: ${message}\n`);

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: {
      against: { type: "string" },
      workload: { type: "string", default: "no-input,authed,db" },
      ...roundFlags,
      // Extra environment for both servers (OTEL_EXPORTER_OTLP_ENDPOINT is not set by this).
      env: { type: "string", multiple: true, default: [] },
    },
    strict: true,
  });
  if (!values.against) throw new Error("--against <path of another checkout> is required");
  const workloads = values.workload.split(",").map((name) => {
    if (!(WORKLOADS as readonly string[]).includes(name))
      throw new Error(`--workload takes ${WORKLOADS.join(", ")}, not "${name}"`);
    return name as WorkloadId;
  });
  const env = Object.fromEntries(
    values.env.map((pair) => {
      const at = pair.indexOf("=");
      if (at < 1) throw new Error(`--env takes KEY=VALUE, not "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  return {
    against: resolve(values.against),
    workloads,
    env,
    load: roundLoad(values),
  };
}

async function main(): Promise<void> {
  const opts = options();
  cleanupOnSignals();
  log("preparing services mode");
  const services = await prepareServicesMode();
  const env = { ...services.env, ...opts.env };
  const here = await startApiServer(env, "warn");
  defer("stop API server (this checkout)", () => here.stop());
  const there = await startApiServer(env, "warn", { checkout: opts.against });
  defer("stop API server (other checkout)", () => there.stop());
  const fixtures = await seedFixtures(here.url, services.database);
  const lines = [
    `| workload | this checkout: req/s | CPU / request | ${opts.against}: req/s | CPU / request | req/s gained | CPU saved |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const workload of opts.workloads) {
    const run = api(workload, "lean");
    for (const server of [here, there]) await verifyRun(run, server.url, fixtures);
    log(`load: ${workload}, ${opts.load.durationSec} rounds`);
    const { path, headers, method, body } = run.request(fixtures);
    const send = { ...(method ? { method } : {}), ...(body === undefined ? {} : { body }) };
    const results = await runInterleaved(
      [
        { key: "here", url: `${here.url}${path}`, headers, pid: here.pid, ...send },
        { key: "there", url: `${there.url}${path}`, headers, pid: there.pid, ...send },
      ],
      opts.load,
    );
    const a = results.get("here")!;
    const b = results.get("there")!;
    const cpuA = a.serverCpuUsPerRequest ?? NaN;
    const cpuB = b.serverCpuUsPerRequest ?? NaN;
    const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
    lines.push(
      `| ${workload} | ${a.requestsPerSec.toLocaleString("en-US")} | ${cpuA} µs | ${b.requestsPerSec.toLocaleString("en-US")} | ${cpuB} µs | ${pct(a.requestsPerSec / b.requestsPerSec - 1)} | ${pct(1 - cpuA / cpuB)} |`,
    );
  }
  process.stdout.write(`\n${lines.join("\n")}\n`);
}

await runBench(log, main);
