/**
 * `pnpm --filter @tesseract/bench run create [--rounds 10] [--warmup 2] [--connections 50]`:
 * `pnpm bench`'s task.create run alone — every connection creating in one project, on the lean
 * server in services mode — for req/s, p50/p99 and server CPU per request while working on the
 * create path. Each figure is the median one-second round (see load.ts); writes nothing.
 */
import { parseArgs } from "node:util";
import { cleanupOnSignals, defer, runBench } from "./cleanup.ts";
import { runInterleaved } from "./load.ts";
import { roundFlags, roundLoad } from "./options.ts";
import { api, verifyRun } from "./scenarios.ts";
import { seedFixtures } from "./seed.ts";
import { prepareServicesMode } from "./services.ts";
import { startApiServer } from "./start-server.ts";

const log = (message: string) => process.stderr.write(`create: ${message}\n`);

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: roundFlags,
    strict: true,
  });
  return roundLoad(values);
}

async function main(): Promise<void> {
  const load = options();
  cleanupOnSignals();
  log("preparing services mode");
  const services = await prepareServicesMode();
  const server = await startApiServer(services.env, "warn");
  defer("stop API server", () => server.stop());
  const fixtures = await seedFixtures(server.url, services.database);
  const run = api("create", "lean");
  await verifyRun(run, server.url, fixtures);
  log(`load: ${load.durationSec} rounds of 1 s, ${load.connections} connections`);
  const { path, headers, method, body } = run.request(fixtures);
  const results = await runInterleaved(
    [
      {
        key: "create",
        url: `${server.url}${path}`,
        headers,
        pid: server.pid,
        ...(method === undefined ? {} : { method }),
        ...(body === undefined ? {} : { body }),
      },
    ],
    load,
  );
  const r = results.get("create")!;
  process.stdout.write(
    [
      "| req/s | p50 | p99 | mean | server CPU / request | non-2xx | errors |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      `| ${r.requestsPerSec} | ${r.latencyP50Ms} ms | ${r.latencyP99Ms} ms | ${r.latencyMeanMs} ms | ${r.serverCpuUsPerRequest ?? "?"} µs | ${r.non2xx} | ${r.errors} |`,
      "",
    ].join("\n"),
  );
}

await runBench(log, main);
