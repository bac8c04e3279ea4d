/**
 * `pnpm bench`: the API server against a raw node:http baseline, in one process tree,
 * one scenario at a time. See bench/README.md.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { cleanupOnSignals, defer, runBench, runCleanup } from "./cleanup.ts";
import { freePort } from "@tesseract/config";
import { runInterleaved, type LoadResult } from "./load.ts";
import {
  overheadResults,
  startCollector,
  TRACED_SAMPLER,
  UNCAPPED_TRACES_PER_SECOND,
} from "./observability.ts";
import { parseOptions, usage } from "./options.ts";
import {
  TARGETS,
  gitState,
  machine,
  renderMarkdown,
  repoRoot,
  resultsDir,
  runReports,
  targetResults,
  writeResults,
  type BenchReport,
} from "./report.ts";
import { measureRevocation } from "./revocation.ts";
import { readMemory, sampleMaxRss } from "./rss.ts";
import { groups, runs, verifyRun, type Target } from "./scenarios.ts";
import { seedFixtures } from "./seed.ts";
import { DATABASE_POOL_MAX, prepareServicesMode } from "./services.ts";
import { startApiServer, startBaseline } from "./start-server.ts";

const IDLE_SETTLE_MS = 1_000;
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** The jobs bench (`src/jobs.ts`) in a process of its own, writing next to this run's results. */
async function runJobsBench(outDir: string): Promise<void> {
  log("jobs: outbox → relay → SQS → consumer beside a raw SQS loop (src/jobs.ts)");
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL("./jobs.ts", import.meta.url)), "--out", outDir],
    { stdio: "inherit" },
  );
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`the jobs bench exited with ${code}`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), resultsDir);
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

  log("starting the API servers at LOG_LEVEL=warn: lean adapter, and stock (--adapter stock)");
  const warnings: string[] = [];
  const api = await startApiServer(services.env, "warn");
  defer("stop API server (lean)", () => api.stop());
  log(
    `lean API server ready in ${Math.round(api.timeToReadyMs)} ms at ${api.url} (pid ${api.pid})`,
  );
  await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
  const idle = readMemory(api.pid);
  const stock = await startApiServer(services.env, "warn", { args: ["--adapter", "stock"] });
  defer("stop API server (stock)", () => stock.stop());
  const uncached = await startApiServer({ ...services.env, CACHE_ENABLED: "false" }, "warn");
  defer("stop API server (uncached)", () => uncached.stop());
  log("starting the API servers with metrics on, and with metrics and tracing (OTLP) on");
  const withMetrics = { ...services.env, METRICS_PORT: String(await freePort()) };
  const metrics = await startApiServer(withMetrics, "warn");
  defer("stop API server (metrics)", () => metrics.stop());
  const collector = await startCollector();
  defer("stop the OTLP collector", () => collector.close());
  const tracedEnv = async (extra: Record<string, string> = {}) => ({
    ...services.env,
    METRICS_PORT: String(await freePort()),
    OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    ...extra,
  });
  const traced = await startApiServer(await tracedEnv(), "warn");
  defer("stop API server (traced)", () => traced.stop());
  // The same sampler's ratio with no cap on new traces a second: what the cap saves.
  const uncapped = await startApiServer(
    await tracedEnv({ TRACING_MAX_PER_SECOND: String(UNCAPPED_TRACES_PER_SECOND) }),
    "warn",
  );
  defer("stop API server (traced, no cap)", () => uncapped.stop());

  log("seeding a user with a session, an organization, an invitation and the demo data");
  const fixtures = await seedFixtures(api.url, services.database);
  const baseline = await startBaseline({
    databaseUrl: services.env.DATABASE_URL!,
    poolMax: DATABASE_POOL_MAX,
    redisUrl: services.redis.url,
    redisKeyPrefix: services.redis.keyPrefix,
    sessionCookie: fixtures.cookieName,
  });
  defer("stop baseline server", () => baseline.stop());

  const urls: Record<Target, string> = {
    raw: baseline.url,
    lean: api.url,
    stock: stock.url,
    uncached: uncached.url,
    metrics: metrics.url,
    traced: traced.url,
    uncapped: uncapped.url,
  };
  const pids: Record<Target, number> = {
    raw: baseline.pid,
    lean: api.pid,
    stock: stock.pid,
    uncached: uncached.pid,
    metrics: metrics.pid,
    traced: traced.pid,
    uncapped: uncapped.pid,
  };
  for (const run of runs) await verifyRun(run, urls[run.target], fixtures);

  const loads = new Map<string, LoadResult>();
  let loadedMaxRssMiB = idle.rssMiB;
  for (const group of groups) {
    const members = group.map((key) => runs.find((run) => run.key === key)!);
    const participants = members.map((run) => {
      const { path, headers, method, body } = run.request(fixtures);
      return {
        key: run.key,
        url: `${urls[run.target]}${path}`,
        headers,
        method,
        body,
        pid: pids[run.target],
      };
    });
    log(
      `load: ${group.join(", ")} — ${options.warmupSec} s warm-up each, then ${options.durationSec} rounds of 1 s each, in turns`,
    );
    const stopSampling = group.includes("no-input/lean") ? sampleMaxRss(api.pid) : undefined;
    const results = await runInterleaved(participants, options);
    if (stopSampling) loadedMaxRssMiB = stopSampling();
    for (const [key, load] of results) loads.set(key, load);
  }
  await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
  const afterLoad = readMemory(api.pid);
  log("revocation: sessions revoked through the lean server, refused by the stock one");
  const revocation = await measureRevocation({
    changer: api.url,
    watcher: stock.url,
    redis: services.redis,
    fixtures,
    samples: 100,
  });
  for (const server of [api, stock, uncached, metrics, traced, uncapped])
    for (const line of server.output().split("\n")) if (line.trim()) warnings.push(line);

  const reports = runReports(runs, loads);
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
    runs: reports,
    results: targetResults(reports, revocation),
    revocation,
    observability: {
      overhead: overheadResults(reports),
      exported: { ...collector.received },
      sampler: TRACED_SAMPLER,
    },
  };
  process.stdout.write(`\n${renderMarkdown(report)}`);
  for (const path of writeResults(report, options.outDir)) log(`wrote ${path}`);
  if (warnings.length > 0) {
    log(`the API server logged ${warnings.length} line(s) at warn or above; the last ones:`);
    for (const line of warnings.slice(-5)) process.stderr.write(`  ${line.slice(0, 300)}\n`);
  }
  // The API servers and their services stop first: the jobs bench gets the machine to itself.
  await runCleanup();
  if (options.jobs) await runJobsBench(options.outDir);
}

await runBench(log, main);
