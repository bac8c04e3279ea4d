import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import type { BenchOptions } from "./options.ts";
import type { LoadResult } from "./load.ts";
import type { Scenario } from "./scenarios.ts";

export const TARGETS = { timeToReadyMs: 1_500, idleRssMiB: 150 } as const;

export interface ScenarioReport extends LoadResult {
  id: Scenario["id"];
  label: string;
  proceduresPerRequest: number;
  proceduresPerSec: number;
  /** req/s divided by the baseline's req/s. */
  ratioToBaseline: number;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  git: { commit: string; dirty: boolean } | undefined;
  machine: {
    node: string;
    cpus: number;
    cpuModel: string;
    /** 1-minute load average when the bench started: other work on the machine skews the numbers. */
    loadAverage1m: number;
  };
  options: Omit<BenchOptions, "outDir">;
  services: { mode: "services"; database: string };
  startup: {
    /** The server that took the load (LOG_LEVEL=warn): spawn → first /readyz 200. */
    timeToReadyMs: number;
    /** A first start at LOG_LEVEL=info, for the server's own ready line. */
    infoRun: {
      timeToReadyMs: number;
      readyLineMs: number | undefined;
      readyInMs: number | undefined;
    };
  };
  memory: {
    idleRssMiB: number;
    idlePeakRssMiB: number;
    loadedMaxRssMiB: number;
    /** One second after the last scenario: what the heap kept. */
    afterLoadRssMiB: number;
  };
  targets: typeof TARGETS;
  scenarios: ScenarioReport[];
}

export function scenarioReport(
  scenario: Scenario,
  load: LoadResult,
  baselineRps: number,
): ScenarioReport {
  return {
    id: scenario.id,
    label: scenario.label,
    proceduresPerRequest: scenario.procedures,
    ...load,
    proceduresPerSec: load.requestsPerSec * scenario.procedures,
    ratioToBaseline: baselineRps > 0 ? round(load.requestsPerSec / baselineRps, 3) : NaN,
  };
}

export function gitState(cwd: string): BenchReport["git"] {
  try {
    const run = (...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
    return {
      commit: run("rev-parse", "--short", "HEAD"),
      dirty: run("status", "--porcelain") !== "",
    };
  } catch {
    return undefined;
  }
}

export function machine(): BenchReport["machine"] {
  const list = cpus();
  return {
    node: process.version,
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? "unknown",
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function renderMarkdown(report: BenchReport): string {
  const { options, startup, memory } = report;
  const git = report.git
    ? `${report.git.commit}${report.git.dirty ? " (uncommitted changes)" : ""}`
    : "unknown";
  const pass = (ok: boolean) => (ok ? "PASS" : "MISS");
  const ms = (value: number | undefined) => (value === undefined ? "–" : `${Math.round(value)} ms`);
  const lines = [
    `## Tesseract bench — ${report.startedAt}`,
    "",
    `commit ${git} · Node ${report.machine.node} · ${report.machine.cpus} × ${report.machine.cpuModel} ` +
      `(load average ${report.machine.loadAverage1m} at start) · ` +
      `${options.connections} connections · ${options.durationSec} s per scenario after ${options.warmupSec} s warm-up · ` +
      `services mode (PostgreSQL, Redis, S3/SQS emulator) · API server NODE_ENV=production LOG_LEVEL=warn`,
    "",
    "| scenario | req/s | procedures/s | p50 | p99 | non-2xx | errors | vs baseline |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...report.scenarios.map(
      (s) =>
        `| ${s.label} | ${s.requestsPerSec.toLocaleString("en-US")} | ${s.proceduresPerSec.toLocaleString("en-US")} | ` +
        `${s.latencyP50Ms} ms | ${s.latencyP99Ms} ms | ${s.non2xx} | ${s.errors} | ${(s.ratioToBaseline * 100).toFixed(1)} % |`,
    ),
    "",
    "| API server | value | target | |",
    "| --- | ---: | ---: | --- |",
    `| time to ready (spawn → first 200 on /readyz) | ${ms(startup.timeToReadyMs)} | < ${TARGETS.timeToReadyMs} ms | ${pass(startup.timeToReadyMs < TARGETS.timeToReadyMs)} |`,
    `| time to ready, first start (LOG_LEVEL=info) | ${ms(startup.infoRun.timeToReadyMs)} | < ${TARGETS.timeToReadyMs} ms | ${pass(startup.infoRun.timeToReadyMs < TARGETS.timeToReadyMs)} |`,
    `| ↳ spawn → "ready" log line / server's own readyInMs | ${ms(startup.infoRun.readyLineMs)} / ${ms(startup.infoRun.readyInMs)} | | |`,
    `| idle RSS (after ready, before load) | ${memory.idleRssMiB} MiB | < ${TARGETS.idleRssMiB} MiB | ${pass(memory.idleRssMiB < TARGETS.idleRssMiB)} |`,
    `| peak RSS up to idle (VmHWM) | ${memory.idlePeakRssMiB} MiB | | |`,
    `| loaded RSS (max during system.info load) | ${memory.loadedMaxRssMiB} MiB | | |`,
    `| RSS 1 s after the last scenario | ${memory.afterLoadRssMiB} MiB | | |`,
    "",
  ];
  return lines.join("\n");
}

/** latest.json, latest.md and a dated copy of the JSON, each written atomically. */
export function writeResults(report: BenchReport, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const stamp = report.startedAt.replace(/:/g, "-").replace(/\.\d+Z$/, "Z");
  const files: [string, string][] = [
    ["latest.json", json],
    ["latest.md", renderMarkdown(report)],
    [`${stamp}.json`, json],
  ];
  return files.map(([name, content]) => {
    const path = join(outDir, name);
    writeFileSync(`${path}.tmp`, content);
    renameSync(`${path}.tmp`, path);
    return path;
  });
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
