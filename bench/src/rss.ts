import { readFileSync } from "node:fs";

export interface MemoryReading {
  /** Resident set size now, in MiB. */
  rssMiB: number;
  /** Peak resident set size since the process started (VmHWM), in MiB. */
  peakRssMiB: number;
}

/** Reads VmRSS and VmHWM of a process from /proc (Linux). */
export function readMemory(pid: number): MemoryReading {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return { rssMiB: field(status, "VmRSS"), peakRssMiB: field(status, "VmHWM") };
}

function field(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status);
  if (!match?.[1]) throw new Error(`/proc status has no ${name}`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

/** Samples RSS every intervalMs until stopped; returns the highest reading. */
export function sampleMaxRss(pid: number, intervalMs = 100): () => number {
  let max = readMemory(pid).rssMiB;
  const timer = setInterval(() => {
    try {
      max = Math.max(max, readMemory(pid).rssMiB);
    } catch {
      // the process is gone; the caller will notice through the load results
    }
  }, intervalMs);
  return () => {
    clearInterval(timer);
    return max;
  };
}
