import autocannon from "autocannon";
import { readCpuMs } from "./rss.ts";

export interface LoadOptions {
  connections: number;
  durationSec: number;
  warmupSec: number;
}

export interface LoadResult {
  requestsPerSec: number;
  totalRequests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSec: number;
  /** CPU time the server process used during the measured run, and per request (µs). */
  serverCpuMs: number | undefined;
  serverCpuUsPerRequest: number | undefined;
}

/** An unmeasured warm-up (JIT, connection pools), then the measured run, with autocannon. */
export async function runLoad(
  url: string,
  options: LoadOptions,
  headers: Record<string, string> = {},
  /** The server's pid, to read how much CPU it spent on the measured run. */
  serverPid?: number,
  /** A POST workload's method and body (GET without a body by default). */
  send: { method?: "GET" | "POST"; body?: string } = {},
): Promise<LoadResult> {
  const request = {
    url,
    headers,
    method: send.method ?? "GET",
    ...(send.body === undefined ? {} : { body: send.body }),
  };
  if (options.warmupSec > 0) {
    await autocannon({
      ...request,
      connections: options.connections,
      duration: options.warmupSec,
    });
  }
  const cpuBefore = serverPid === undefined ? undefined : readCpuMs(serverPid);
  const result = await autocannon({
    ...request,
    connections: options.connections,
    duration: options.durationSec,
  });
  const serverCpuMs =
    serverPid === undefined || cpuBefore === undefined
      ? undefined
      : readCpuMs(serverPid) - cpuBefore;
  return {
    requestsPerSec: Math.round(result.requests.average),
    totalRequests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: Math.round(result.latency.mean * 100) / 100,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSec: result.duration,
    serverCpuMs,
    serverCpuUsPerRequest:
      serverCpuMs === undefined || result.requests.total === 0
        ? undefined
        : Math.round((serverCpuMs * 1000) / result.requests.total),
  };
}

export interface Participant {
  key: string;
  url: string;
  headers: Record<string, string>;
  method?: "GET" | "POST";
  body?: string;
  /** The server's pid, for its CPU time. */
  pid: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Runs that are compared with each other, measured in turns: after each one's warm-up, one
 * second of A, one of B, one of C, then A again…, `durationSec` rounds in all. Whatever else
 * the machine does then lands on every participant alike instead of on whichever ran during
 * it, which is what makes their ratios worth reading on a shared 2-core machine. Each result
 * is the median second (req/s, p50, p99); requests, errors and CPU are summed.
 */
export async function runInterleaved(
  participants: Participant[],
  options: LoadOptions,
  onRound?: (round: number, rounds: number) => void,
): Promise<Map<string, LoadResult>> {
  for (const p of participants) {
    if (options.warmupSec > 0) {
      await autocannon({
        url: p.url,
        headers: p.headers,
        method: p.method ?? "GET",
        ...(p.body === undefined ? {} : { body: p.body }),
        connections: options.connections,
        duration: options.warmupSec,
      });
    }
  }
  const rounds = Math.max(1, Math.round(options.durationSec));
  const seconds = new Map<string, autocannon.Result[]>(participants.map((p) => [p.key, []]));
  const cpuMs = new Map<string, number>(participants.map((p) => [p.key, 0]));
  for (let round = 0; round < rounds; round++) {
    onRound?.(round + 1, rounds);
    // Each round starts one participant later, so none is always loaded first or right after
    // the same neighbour (a fixed order measured the same server 20 % apart from itself).
    const order = participants.map((_, i) => participants[(i + round) % participants.length]!);
    for (const p of order) {
      const before = readCpuMs(p.pid);
      const result = await autocannon({
        url: p.url,
        headers: p.headers,
        method: p.method ?? "GET",
        ...(p.body === undefined ? {} : { body: p.body }),
        connections: options.connections,
        duration: 1,
      });
      cpuMs.set(p.key, cpuMs.get(p.key)! + readCpuMs(p.pid) - before);
      seconds.get(p.key)!.push(result);
    }
  }
  const results = new Map<string, LoadResult>();
  for (const p of participants) {
    const list = seconds.get(p.key)!;
    const total = list.reduce((sum, r) => sum + r.requests.total, 0);
    const cpu = cpuMs.get(p.key)!;
    results.set(p.key, {
      requestsPerSec: Math.round(median(list.map((r) => r.requests.average))),
      totalRequests: total,
      latencyP50Ms: median(list.map((r) => r.latency.p50)),
      latencyP99Ms: median(list.map((r) => r.latency.p99)),
      latencyMeanMs:
        Math.round(
          (list.reduce((sum, r) => sum + r.latency.mean * r.requests.total, 0) /
            Math.max(1, total)) *
            100,
        ) / 100,
      non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
      errors: list.reduce((sum, r) => sum + r.errors, 0),
      timeouts: list.reduce((sum, r) => sum + r.timeouts, 0),
      durationSec: list.reduce((sum, r) => sum + r.duration, 0),
      serverCpuMs: cpu,
      serverCpuUsPerRequest: total === 0 ? undefined : Math.round((cpu * 1000) / total),
    });
  }
  return results;
}
