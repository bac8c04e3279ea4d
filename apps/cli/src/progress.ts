import { SingleBar, Presets } from "cli-progress";
import type { GlobalOptions } from "./session.ts";
import { showsProgress } from "./output.ts";

export interface Progress {
  update(value: number, total?: number): void;
  stop(): void;
}

/** A bar on stderr where a person watches (no bar under --json or when stderr is not a terminal). */
export function progressBar(options: GlobalOptions, label: string, total: number): Progress {
  if (!showsProgress(options)) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (value, newTotal) => {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      bar.update(value);
    },
    stop: () => {
      bar.stop();
    },
  };
}
