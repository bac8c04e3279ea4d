/**
 * `pnpm --filter @tesseract/bench profile -- --workload authed --adapter lean [--runner trpc]`:
 * one bench workload against an API server running under `node --cpu-prof`, and a summary of
 * where its CPU went during the measured load (self time by function and by package, and the
 * share of tRPC's `_objectSpread2` helpers). See bench/README.md, "Profiles".
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cleanupOnSignals, defer, runBench } from "./cleanup.ts";
import { summariseProfile, type CpuProfile, type ProfileSummary } from "./cpu-profile.ts";
import { freePort } from "@tesseract/config";
import { runLoad } from "./load.ts";
import { startCollector } from "./observability.ts";
import { api, raw, RAW_COUNTERPART, verifyRun, WORKLOADS } from "./scenarios.ts";
import { seedFixtures } from "./seed.ts";
import { DATABASE_POOL_MAX, prepareServicesMode } from "./services.ts";
import { startApiServer, startBaseline } from "./start-server.ts";

const log = (message: string) => process.stderr.write(`profile: ${message}\n`);
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: {
      workload: { type: "string", default: "authed" },
      adapter: { type: "string", default: "lean" },
      runner: { type: "string", default: "lean" },
      observe: { type: "string", default: "none" },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      connections: { type: "string", default: "50" },
      // OTEL_TRACES_SAMPLER_ARG for --observe tracing (unset: production's default ratio).
      sample: { type: "string" },
      out: {
        type: "string",
        default: fileURLToPath(new URL("../results/profiles/", import.meta.url)),
      },
    },
    strict: true,
  });
  const workload = oneOf("--workload", values.workload, WORKLOADS);
  return {
    workload,
    adapter: oneOf("--adapter", values.adapter, ["lean", "stock", "raw"] as const),
    runner: oneOf("--runner", values.runner, ["lean", "trpc"] as const),
    observe: oneOf("--observe", values.observe, ["none", "metrics", "tracing"] as const),
    durationSec: Number(values.duration),
    warmupSec: Number(values.warmup),
    connections: Number(values.connections),
    sample: values.sample,
    out: values.out,
  };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${flag} must be one of ${allowed.join(", ")}, not "${value}"`);
}

function render(
  title: string,
  summary: ProfileSummary,
  load: {
    requestsPerSec: number;
    totalRequests: number;
    procedures: number;
    serverCpuUsPerRequest: number | undefined;
  },
): string {
  const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
  const onCpuUs = (summary.busyMs * 1000) / Math.max(1, load.totalRequests);
  return [
    `## CPU profile — ${title}`,
    "",
    `${load.requestsPerSec.toLocaleString("en-US")} req/s (${load.totalRequests.toLocaleString("en-US")} requests, ` +
      `${load.procedures} procedure(s) each) · server on CPU ${pct(summary.busyShare)} of ${Math.round(summary.windowMs)} ms · ` +
      `**${load.serverCpuUsPerRequest ?? "?"} µs of server CPU per request** (/proc; ${Math.round(onCpuUs)} µs of non-idle samples, ` +
      `which also counts time descheduled on a busy machine) · a sample every ~${Math.round(summary.sampleIntervalUs)} µs`,
    "",
    `tRPC's \`_objectSpread2\` helper family (self time): **${pct(summary.objectSpreadShare)} of busy CPU**`,
    "",
    "| where the code lives | self time |",
    "| --- | ---: |",
    ...summary.groups.slice(0, 15).map((g) => `| ${g.group} | ${pct(g.share)} |`),
    "",
    "| function | where | self time |",
    "| --- | --- | ---: |",
    ...summary.functions.map((f) => `| \`${f.name}\` | ${f.where} | ${pct(f.share)} |`),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const opts = options();
  cleanupOnSignals();
  const profileDir = mkdtempSync(join(tmpdir(), "tesseract-profile-"));
  defer("remove profile directory", () => {
    rmSync(profileDir, { recursive: true, force: true });
    return Promise.resolve();
  });
  log("preparing services mode");
  const services = await prepareServicesMode();
  const profiling = ["--cpu-prof", "--cpu-prof-interval", "100", "--cpu-prof-dir", profileDir];
  const onRaw = opts.adapter === "raw";
  const args =
    opts.adapter === "raw"
      ? []
      : ["--adapter", opts.adapter, ...(opts.adapter === "lean" ? ["--runner", opts.runner] : [])];
  // --observe metrics: a metrics listener (request series recorded); --observe tracing: that
  // and OTLP export to a collector in this process, as `pnpm bench` runs them.
  const collector = opts.observe === "tracing" ? await startCollector() : undefined;
  if (collector) defer("stop the OTLP collector", () => collector.close());
  const env = {
    ...services.env,
    ...(opts.observe === "none" ? {} : { METRICS_PORT: String(await freePort()) }),
    ...(collector ? { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url } : {}),
    ...(collector && opts.sample !== undefined ? { OTEL_TRACES_SAMPLER_ARG: opts.sample } : {}),
  };
  const server = await startApiServer(env, "warn", {
    args,
    execArgv: onRaw ? [] : profiling,
  });
  defer("stop API server", () => server.stop());
  const fixtures = await seedFixtures(server.url, services.database);
  // --adapter raw: the workload's raw baseline (baseline-server.ts) is the one profiled.
  const baseline = onRaw
    ? await startBaseline(
        {
          databaseUrl: services.env.DATABASE_URL!,
          poolMax: DATABASE_POOL_MAX,
          redisUrl: services.redis.url,
          redisKeyPrefix: services.redis.keyPrefix,
          sessionCookie: fixtures.cookieName,
        },
        { execArgv: profiling },
      )
    : undefined;
  if (baseline) defer("stop baseline server", () => baseline.stop());
  const target = baseline ?? server;
  const run =
    opts.adapter === "raw" ? raw(RAW_COUNTERPART[opts.workload]) : api(opts.workload, opts.adapter);
  await verifyRun(run, target.url, fixtures);
  const { path, headers, method, body } = run.request(fixtures);
  const send = { ...(method ? { method } : {}), ...(body === undefined ? {} : { body }) };
  const url = `${target.url}${path}`;
  log(
    `warm-up ${opts.warmupSec} s, then ${opts.durationSec} s profiled: ${run.label} (${args.join(" ")})`,
  );
  const loadOptions = {
    connections: opts.connections,
    durationSec: opts.durationSec,
    warmupSec: 0,
  };
  if (opts.warmupSec > 0)
    await runLoad(url, { ...loadOptions, durationSec: opts.warmupSec }, headers, undefined, send);
  const from = nowUs();
  const load = await runLoad(url, loadOptions, headers, target.pid, send);
  const to = nowUs();
  if (baseline) {
    // The baseline exits (and writes its profile) when its IPC channel closes.
    baseline.child.disconnect();
    await baseline.exited;
  } else {
    await server.stop();
  }
  const file = readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error("the server wrote no .cpuprofile (did it exit cleanly?)");
  const profile = JSON.parse(readFileSync(join(profileDir, file), "utf8")) as CpuProfile;
  const summary = summariseProfile(profile, from, to);
  const name = `${opts.workload}-${opts.adapter}${opts.adapter === "lean" ? `-runner-${opts.runner}` : ""}${opts.observe === "none" ? "" : `-${opts.observe}`}`;
  const who = onRaw
    ? "raw baseline"
    : `${opts.adapter} adapter${opts.adapter === "lean" ? `, ${opts.runner} runner` : ""}${opts.observe === "none" ? "" : `, ${opts.observe} on`}`;
  const markdown = render(`${run.label} · ${who} · ${opts.connections} connections`, summary, {
    requestsPerSec: load.requestsPerSec,
    totalRequests: load.totalRequests,
    procedures: run.procedures,
    serverCpuUsPerRequest: load.serverCpuUsPerRequest,
  });
  process.stdout.write(`\n${markdown}`);
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, `${name}.md`), markdown);
  const rawFile = join(tmpdir(), `tesseract-${name}.cpuprofile`);
  writeFileSync(rawFile, JSON.stringify(profile));
  log(
    `wrote ${join(opts.out, `${name}.md`)}; the profile itself is ${rawFile} (Chrome DevTools opens it)`,
  );
}

await runBench(log, main);
