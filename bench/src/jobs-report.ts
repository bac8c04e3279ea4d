import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";

export interface Measured {
  jobsPerSec: number;
  seconds: number;
  /** The bench process's CPU time per job (the emulator and PostgreSQL run elsewhere). */
  cpuMsPerJob: number;
  /** SQS requests per job, by command. */
  sqsRequestsPerJob: Record<string, number>;
}

export interface OutboxMeasured extends Measured {
  /** When the last job was committed (the rest is the relay and the consumer catching up). */
  enqueuedSeconds: number;
  p50Ms: number;
  p99Ms: number;
}

interface Settings {
  jobs: number;
  concurrency: number;
  producers: number;
  rounds: number;
}

const median = <T>(runs: T[], by: (run: T) => number): T =>
  [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)]!;

/** The medians, both ratios against raw, and the markdown and JSON written to results/. */
export function jobsReport(input: {
  settings: Settings;
  raws: Measured[];
  outboxes: OutboxMeasured[];
  oneByOne: OutboxMeasured;
  target: number;
}) {
  const { settings, raws, outboxes, oneByOne, target } = input;
  const raw = median(raws, (r) => r.jobsPerSec);
  const viaOutbox = median(outboxes, (r) => r.jobsPerSec);
  const rawCpu = median(raws, (r) => r.cpuMsPerJob).cpuMsPerJob;
  const outboxCpu = median(outboxes, (r) => r.cpuMsPerJob).cpuMsPerJob;
  const ratio = viaOutbox.jobsPerSec / raw.jobsPerSec;
  const cpuRatio = rawCpu / outboxCpu;
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim();
  const json = {
    at: new Date().toISOString(),
    commit,
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg()[0],
    ...settings,
    raw: { runs: raws, median: raw, cpuMsPerJob: rawCpu },
    outbox: { runs: outboxes, median: viaOutbox, cpuMsPerJob: outboxCpu },
    oneByOne,
    ratio,
    cpuRatio,
    target,
    met: ratio >= target,
  };
  const f = (n: number) => Math.round(n).toLocaleString("en-US");
  const all = (runs: Measured[]) => runs.map((r) => f(r.jobsPerSec)).join(" / ");
  const sqs = (run: Measured) =>
    Object.entries(run.sqsRequestsPerJob)
      .map(([name, n]) => `${name.replace(/Command$/, "")} ${n.toFixed(2)}`)
      .join(", ");
  const cpuMs = (n: number) => `${(n * 1_000).toFixed(0)} µs`;
  const markdown = [
    `## Tesseract jobs bench — ${json.at}`,
    "",
    `commit ${commit} · Node ${process.version} · ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(2)} at the end) · ${settings.jobs} jobs per run · ${settings.producers} producers · consumer concurrency ${settings.concurrency} · PostgreSQL 15 + the S3/SQS emulator in its own process · raw and outbox runs take turns, ${settings.rounds} rounds; medians`,
    "",
    "| run | jobs/s (median) | every run | bench CPU / job | SQS requests / job | commit → handler p50 | p99 | vs raw | vs raw, by CPU |",
    "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    `| raw SendMessageBatch / ReceiveMessage / DeleteMessage | ${f(raw.jobsPerSec)} | ${all(raws)} | ${cpuMs(rawCpu)} | ${sqs(raw)} | – | – | – | – |`,
    `| **outbox → relay → SQS → consumer (no-op handler, job_runs recorded)** | ${f(viaOutbox.jobsPerSec)} | ${all(outboxes)} | ${cpuMs(outboxCpu)} | ${sqs(viaOutbox)} | ${viaOutbox.p50Ms.toFixed(1)} ms | ${viaOutbox.p99Ms.toFixed(1)} ms | ${(ratio * 100).toFixed(1)} % | ${(cpuRatio * 100).toFixed(1)} % |`,
    `| outbox, one job at a time (${f(oneByOne.jobsPerSec * oneByOne.seconds)} jobs, no backlog) | ${f(oneByOne.jobsPerSec)} | – | ${cpuMs(oneByOne.cpuMsPerJob)} | ${sqs(oneByOne)} | ${oneByOne.p50Ms.toFixed(1)} ms | ${oneByOne.p99Ms.toFixed(1)} ms | – | – |`,
    "",
    `The median outbox run had all its jobs committed at ${viaOutbox.enqueuedSeconds.toFixed(2)} s of ${viaOutbox.seconds.toFixed(2)} s.`,
    "",
    `Target: outbox path ≥ ${target * 100} % of raw (median against median): **${json.met ? "MET" : "MISS"}** (${(ratio * 100).toFixed(1)} %; by the bench process's CPU per job ${(cpuRatio * 100).toFixed(1)} %).`,
    "",
  ].join("\n");
  return { json, markdown };
}
