import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from "prom-client";

/** Seconds: a procedure or a job from a millisecond to half a minute. */
const DURATION_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

export type CacheResult = "hit" | "miss" | "bypass";

/**
 * Every series a Tesseract process exposes, on one prom-client registry (never the global one,
 * so several servers in one test process keep their own counts). Features that land later
 * (open WebSocket / SSE connections, say) add theirs with `counter`, `gauge` or `histogram`,
 * which put them on the same registry and so on the same `/metrics`.
 */
export class AppMetrics {
  readonly registry = new Registry();

  readonly procedureCalls = this.counter({
    name: "tesseract_trpc_procedure_calls_total",
    help: "tRPC procedure calls, by procedure, type and result code (OK or the tRPC error code).",
    labelNames: ["procedure", "type", "code"] as const,
  });
  readonly procedureDuration = this.histogram({
    name: "tesseract_trpc_procedure_duration_seconds",
    help: "Time a procedure took, middlewares included, by procedure and type.",
    labelNames: ["procedure", "type"] as const,
    buckets: DURATION_BUCKETS,
  });
  readonly httpRequests = this.counter({
    name: "tesseract_http_requests_total",
    help: "HTTP requests answered, by route and status class.",
    labelNames: ["route", "status"] as const,
  });
  readonly inFlight = this.gauge({
    name: "tesseract_http_requests_in_flight",
    help: "HTTP requests being handled now.",
  });
  readonly droppedConnections = this.counter({
    name: "tesseract_http_connections_dropped_total",
    help: "Connections closed on arrival at the connection cap (API_MAX_CONNECTIONS).",
  });
  readonly trpcAdapter = this.counter({
    name: "tesseract_trpc_requests_total",
    help: "/trpc requests, by the adapter that answered them (lean or stock).",
    labelNames: ["adapter"] as const,
  });
  readonly leanVersionMismatches = this.counter({
    name: "tesseract_trpc_lean_version_mismatch_total",
    help: "Lean adapters disabled at start-up by an untested @trpc/server.",
  });
  readonly cache = this.counter({
    name: "tesseract_cache_requests_total",
    help: "Query result cache lookups, by procedure and result (hit, miss, bypass).",
    labelNames: ["procedure", "result"] as const,
  });
  readonly rateLimitRefusals = this.counter({
    name: "tesseract_rate_limit_refusals_total",
    help: "Requests refused with 429, by budget class.",
    labelNames: ["class"] as const,
  });
  readonly redisErrors = this.counter({
    name: "tesseract_redis_errors_total",
    help: "Redis connection errors reported by the client.",
  });
  readonly jobDuration = this.histogram({
    name: "tesseract_job_duration_seconds",
    help: "Time a job run took, by type and outcome (succeeded, failed, released).",
    labelNames: ["type", "status"] as const,
    buckets: DURATION_BUCKETS,
  });
  readonly jobFailures = this.counter({
    name: "tesseract_job_failures_total",
    help: "Job runs that failed, by type.",
    labelNames: ["type"] as const,
  });

  counter<L extends string>(config: Omit<CounterConfiguration<L>, "registers">): Counter<L> {
    return new Counter({ ...config, registers: [this.registry] });
  }

  gauge<L extends string>(config: Omit<GaugeConfiguration<L>, "registers">): Gauge<L> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  histogram<L extends string>(config: Omit<HistogramConfiguration<L>, "registers">): Histogram<L> {
    return new Histogram({ ...config, registers: [this.registry] });
  }

  /** Node's own series (event-loop lag, GC, heap, handles, CPU): once per process. */
  collectDefaults(): void {
    collectDefaultMetrics({ register: this.registry });
  }

  /** A counter's or gauge's current value for the labels given (0 when never set): for tests. */
  async valueOf<L extends string>(
    metric: Counter<L> | Gauge<L>,
    labels: Partial<Record<L, string>> = {},
  ): Promise<number> {
    const { values } = await metric.get();
    const match = values.find((value) =>
      Object.entries(labels).every(([key, wanted]) => value.labels[key as L] === wanted),
    );
    return match?.value ?? 0;
  }

  /** The Prometheus text exposition of every series. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

export type { Counter, Gauge, Histogram };
