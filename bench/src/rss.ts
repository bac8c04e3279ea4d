import { execFileSync } from "node:child_process";
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

let ticksPerSecond: number | undefined;

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (Linux). */
export function readCpuMs(pid: number): number {
  ticksPerSecond ??= clockTicks();
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces) start after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / ticksPerSecond;
}

function clockTicks(): number {
  try {
    const value = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}
