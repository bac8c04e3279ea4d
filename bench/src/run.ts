/**
 * `pnpm bench`: the API server against a raw node:http baseline, in one process tree,
 * one scenario at a time. See bench/README.md.
 */
import { fileURLToPath } from "node:url";
import { cleanupOnSignals, defer, runCleanup } from "./cleanup.ts";
import { runLoad, type LoadResult } from "./load.ts";
import { parseOptions, usage } from "./options.ts";
import {
  TARGETS,
  gitState,
  machine,
  renderMarkdown,
  scenarioReport,
  writeResults,
  type BenchReport,
} from "./report.ts";
import { readMemory, sampleMaxRss } from "./rss.ts";
import { scenarios, verifyScenario } from "./scenarios.ts";
import { prepareServicesMode } from "./services.ts";
import { startApiServer, startBaseline } from "./start-server.ts";

const IDLE_SETTLE_MS = 1_000;
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function main(): Promise<void> {
  const options = parseOptions(
    process.argv.slice(2),
    fileURLToPath(new URL("../results/", import.meta.url)),
  );
  if (options === "help") {
    process.stdout.write(`${usage}\n`);
    return;
  }
  cleanupOnSignals();
  const startedAt = new Date().toISOString();
  const host = machine();

  log("preparing services mode (PostgreSQL database, Redis prefix, S3/SQS emulator)");
  const services = await prepareServicesMode();

  log("first start of the API server at LOG_LEVEL=info (for its ready line)");
  const infoServer = await startApiServer(services.env, "info");
  defer("stop API server (info run)", () => infoServer.stop());
  await infoServer.stop();

  log("starting the API server at LOG_LEVEL=warn");
  const warnings: string[] = [];
  const api = await startApiServer(services.env, "warn");
  defer("stop API server", () => api.stop());
  log(`API server ready in ${Math.round(api.timeToReadyMs)} ms at ${api.url} (pid ${api.pid})`);
  await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
  const idle = readMemory(api.pid);

  const baseline = await startBaseline();
  defer("stop baseline server", () => baseline.stop());

  const urlOf = (target: "api" | "baseline", path: string) =>
    `${target === "api" ? api.url : baseline.url}${path}`;
  for (const scenario of scenarios)
    await verifyScenario(scenario, urlOf(scenario.target, scenario.path));

  const loads = new Map<string, LoadResult>();
  let loadedMaxRssMiB = idle.rssMiB;
  for (const scenario of scenarios) {
    log(`load: ${scenario.label} (${options.warmupSec} s warm-up + ${options.durationSec} s)`);
    const stopSampling = scenario.id === "system.info" ? sampleMaxRss(api.pid) : undefined;
    const load = await runLoad(urlOf(scenario.target, scenario.path), options);
    if (stopSampling) loadedMaxRssMiB = stopSampling();
    loads.set(scenario.id, load);
  }
  await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
  const afterLoad = readMemory(api.pid);
  for (const line of api.output().split("\n")) if (line.trim()) warnings.push(line);

  const baselineRps = loads.get("baseline")?.requestsPerSec ?? 0;
  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    git: gitState(repoRoot),
    machine: host,
    options: {
      durationSec: options.durationSec,
      warmupSec: options.warmupSec,
      connections: options.connections,
    },
    services: { mode: "services", database: services.databaseName },
    startup: {
      timeToReadyMs: Math.round(api.timeToReadyMs),
      infoRun: {
        timeToReadyMs: Math.round(infoServer.timeToReadyMs),
        readyLineMs: infoServer.readyLine ? Math.round(infoServer.readyLine.atMs) : undefined,
        readyInMs: infoServer.readyLine?.readyInMs,
      },
    },
    memory: {
      idleRssMiB: idle.rssMiB,
      idlePeakRssMiB: idle.peakRssMiB,
      loadedMaxRssMiB,
      afterLoadRssMiB: afterLoad.rssMiB,
    },
    targets: TARGETS,
    scenarios: scenarios.map((s) => scenarioReport(s, loads.get(s.id)!, baselineRps)),
  };
  process.stdout.write(`\n${renderMarkdown(report)}`);
  for (const path of writeResults(report, options.outDir)) log(`wrote ${path}`);
  if (warnings.length > 0) {
    log(`the API server logged ${warnings.length} line(s) at warn or above; the last ones:`);
    for (const line of warnings.slice(-5)) process.stderr.write(`  ${line.slice(0, 300)}\n`);
  }
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await runCleanup();
}
