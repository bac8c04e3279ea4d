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
import {
  CounterSeries,
  HistogramSeries,
  LevelGauge,
  type CounterCell,
  type SeriesSpec,
} from "./series.ts";

/** Seconds: a procedure or a job from a millisecond to half a minute. */
const DURATION_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

export type CacheResult = "hit" | "miss" | "bypass";

type Row = SeriesSpec<string> &
  ({ kind: "counter" } | { kind: "level" } | { kind: "histogram"; buckets: readonly number[] });
const counter = <const L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
) => ({ kind: "counter", name, help, labelNames }) as const;
const histogram = <const L extends string>(name: string, help: string, labelNames: readonly L[]) =>
  ({ kind: "histogram", name, help, labelNames, buckets: DURATION_BUCKETS }) as const;

/** Every series a Tesseract process exposes (README's table), by the property that holds it. */
const SERIES = {
  procedureCalls: counter(
    "tesseract_trpc_procedure_calls_total",
    "tRPC procedure calls, by procedure, type and result code (OK or the tRPC error code).",
    ["procedure", "type", "code"],
  ),
  procedureDuration: histogram(
    "tesseract_trpc_procedure_duration_seconds",
    "Time a procedure took, middlewares included, by procedure and type.",
    ["procedure", "type"],
  ),
  httpRequests: counter(
    "tesseract_http_requests_total",
    "HTTP requests answered, by route and status class.",
    ["route", "status"],
  ),
  inFlight: {
    kind: "level",
    name: "tesseract_http_requests_in_flight",
    help: "HTTP requests being handled now.",
    labelNames: [],
  },
  droppedConnections: counter(
    "tesseract_http_connections_dropped_total",
    "Connections closed on arrival at the connection cap (API_MAX_CONNECTIONS).",
  ),
  trpcAdapter: counter(
    "tesseract_trpc_requests_total",
    "/trpc requests, by the adapter that answered them (lean or stock).",
    ["adapter"],
  ),
  leanVersionMismatches: counter(
    "tesseract_trpc_lean_version_mismatch_total",
    "Lean adapters disabled at start-up by an untested @trpc/server.",
  ),
  cache: counter(
    "tesseract_cache_requests_total",
    "Query result cache lookups, by procedure and result (hit, miss, bypass).",
    ["procedure", "result"],
  ),
  rateLimitRefusals: counter(
    "tesseract_rate_limit_refusals_total",
    "Requests refused with 429, by budget class.",
    ["class"],
  ),
  redisErrors: counter(
    "tesseract_redis_errors_total",
    "Redis connection errors reported by the client.",
  ),
  jobDuration: histogram(
    "tesseract_job_duration_seconds",
    "Time a job run took, by type and outcome (succeeded, failed, released).",
    ["type", "status"],
  ),
  jobFailures: counter("tesseract_job_failures_total", "Job runs that failed, by type.", ["type"]),
} as const satisfies Record<string, Row>;

type Labels<R> = R extends { labelNames: readonly (infer L extends string)[] } ? L : never;
type SeriesOf<R> = R extends { kind: "histogram" }
  ? HistogramSeries<Labels<R>>
  : R extends { kind: "level" }
    ? LevelGauge
    : CounterSeries<Labels<R>>;
type SeriesTable<T> = { readonly [K in keyof T]: SeriesOf<T[K]> };

/** A class whose instances hold one series per row of `table`, on the registry given. */
function seriesOf<T extends Record<string, Row>>(table: T) {
  // A base class whose members the table declares: AppMetrics adds its methods on top.
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class
  return class {
    constructor(registry: Registry) {
      for (const [key, row] of Object.entries(table)) {
        const series =
          row.kind === "histogram"
            ? new HistogramSeries(row, registry)
            : row.kind === "level"
              ? new LevelGauge({ name: row.name, help: row.help }, registry)
              : new CounterSeries(row, registry);
        Object.defineProperty(this, key, { value: series, enumerable: true });
      }
    }
  } as unknown as new (registry: Registry) => SeriesTable<T>;
}

/**
 * A procedure's series, resolved once per procedure: a call adds to plain numbers.
 * `code` is "OK" or the tRPC error code.
 */
export class ProcedureSeries {
  private ok: CounterCell | undefined;
  private readonly failed = new Map<string, CounterCell>();
  private readonly duration;
  private readonly metrics: AppMetrics;
  private readonly labels: { procedure: string; type: string };

  constructor(metrics: AppMetrics, labels: { procedure: string; type: string }) {
    this.metrics = metrics;
    this.labels = labels;
    this.duration = metrics.procedureDuration.cell(labels);
  }

  record(code: string, seconds: number): void {
    if (code === "OK")
      (this.ok ??= this.metrics.procedureCalls.cell({ ...this.labels, code })).value++;
    else {
      let cell = this.failed.get(code);
      if (!cell) {
        cell = this.metrics.procedureCalls.cell({ ...this.labels, code });
        this.failed.set(code, cell);
      }
      cell.value++;
    }
    this.duration.observe(seconds);
  }
}

/**
 * Every series a Tesseract process exposes, on one prom-client registry (never the global one,
 * so several servers in one test process keep their own counts). The request path's series
 * are plain numbers read at scrape time (series.ts). Features that land later (open WebSocket
 * / SSE connections, say) add theirs with `counter`, `gauge` or `histogram`, which put them
 * on the same registry and so on the same `/metrics`.
 */
export class AppMetrics extends seriesOf(SERIES) {
  readonly registry: Registry;
  private readonly procedures = new Map<string, Map<string, ProcedureSeries>>();

  constructor() {
    const registry = new Registry();
    super(registry);
    this.registry = registry;
  }

  /** A procedure's series (`type`: query, mutation, subscription), kept for its later calls. */
  procedure(path: string, type: string): ProcedureSeries {
    let byPath = this.procedures.get(type);
    if (!byPath) this.procedures.set(type, (byPath = new Map<string, ProcedureSeries>()));
    let series = byPath.get(path);
    if (!series) byPath.set(path, (series = new ProcedureSeries(this, { procedure: path, type })));
    return series;
  }

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
  // (It shadows Object's valueOf, which nothing here calls.)
  override async valueOf<L extends string>(
    metric: Counter<L> | Gauge<L> | CounterSeries<L>,
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
