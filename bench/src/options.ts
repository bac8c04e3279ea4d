import { parseArgs, type ParseArgsOptionsConfig } from "node:util";

export interface BenchOptions {
  /** Seconds of measured load per run, taken as 1-second turns with the runs it is compared with. */
  durationSec: number;
  /** Seconds of unmeasured load before each run. */
  warmupSec: number;
  connections: number;
  /** Where latest.json, latest.md and the dated copy are written. */
  outDir: string;
  /** Run the jobs bench (`src/jobs.ts`) after the API server's. */
  jobs: boolean;
}

export const usage = `Usage: pnpm bench [--duration 5] [--warmup 1] [--connections 50] [--out bench/results] [--skip-jobs]`;

/** Parses the command line; `pnpm bench -- --duration 3` passes a bare "--" first, which is dropped. */
export function parseOptions(argv: string[], defaultOutDir: string): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    options: {
      duration: { type: "string", default: "5" },
      warmup: { type: "string", default: "1" },
      connections: { type: "string", default: "50" },
      out: { type: "string", default: defaultOutDir },
      help: { type: "boolean", short: "h", default: false },
      "skip-jobs": { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return "help";
  return {
    durationSec: Math.max(1, Math.round(positive("--duration", values.duration, 120))),
    warmupSec: positive("--warmup", values.warmup, 60, true),
    connections: Math.round(positive("--connections", values.connections, 1000)),
    outDir: values.out,
    jobs: !values["skip-jobs"],
  };
}

function positive(flag: string, raw: string, max: number, allowZero = false): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0) || value > max) {
    throw new Error(
      `${flag} expects a number in ${allowZero ? "[0" : "(0"}, ${max}], got "${raw}"`,
    );
  }
  return value;
}

/**
 * The load flags of the benches that compare servers in interleaved 1-second rounds (create,
 * overhead, ab): `--rounds 10 --warmup 2 --connections 50`.
 */
export const roundFlags = {
  rounds: { type: "string", default: "10" },
  warmup: { type: "string", default: "2" },
  connections: { type: "string", default: "50" },
} as const satisfies ParseArgsOptionsConfig;

/** Those flags' values as the load to run: seconds of rounds, of warm-up, and connections. */
export function roundLoad(values: { rounds: string; warmup: string; connections: string }) {
  return {
    durationSec: Number(values.rounds),
    warmupSec: Number(values.warmup),
    connections: Number(values.connections),
  };
}
