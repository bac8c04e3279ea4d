import autocannon from "autocannon";

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
}

/** An unmeasured warm-up (JIT, connection pools), then the measured run, with autocannon. */
export async function runLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSec > 0) {
    await autocannon({ url, connections: options.connections, duration: options.warmupSec });
  }
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSec,
  });
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
  };
}
