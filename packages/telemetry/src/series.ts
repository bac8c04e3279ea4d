import type { LabelValues, MetricValueWithName, Registry } from "prom-client";

/**
 * Hot-path series: plain numbers updated per request, read into prom-client's registry only
 * when it is scraped. A label set is resolved once into a cell (`cell(labels)`), so a request
 * adds to a number and allocates nothing. The registry sees each series as one of its metrics
 * (it reads `name`, `help`, `type`, `aggregator`, `get()` / `getForPromString()` and
 * `reset()`), and the exposition is the one prom-client's Counter, Gauge and Histogram write:
 * same names, labels in the same order, same values (series.test.ts compares them).
 */
export interface SeriesSpec<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
}

type Value<L extends string> = MetricValueWithName<L> & { sharedLabels?: LabelValues<L> };
/** What the registry reads from a metric (prom-client's `type` is the string it writes). */
interface Metric<L extends string> {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  aggregator: "sum";
  values: Value<L>[];
}

abstract class Series<L extends string, C> {
  readonly name: string;
  readonly help: string;
  readonly aggregator = "sum" as const;
  abstract readonly type: "counter" | "gauge" | "histogram";
  protected readonly labelNames: readonly L[];
  /** Cells by their label values (a label set, once seen, stays until a reset). */
  protected cells = new Map<string, { labels: LabelValues<L>; cell: C }>();

  private readonly newCell: () => C;

  constructor(spec: SeriesSpec<L>, registry: Registry, newCell: () => C) {
    this.newCell = newCell;
    this.name = spec.name;
    this.help = spec.help;
    this.labelNames = spec.labelNames ?? [];
    // The registry reads only the members above, not prom-client's classes.
    registry.registerMetric(this as never);
    if (this.labelNames.length === 0) this.cell();
  }

  /** The values as the text exposition writes them. */
  protected abstract values(): Value<L>[];

  /** The cell of a label set, created on first use: keep it to update without a lookup. */
  cell(labels: LabelValues<L> = {}): C {
    let key = "";
    for (const name of this.labelNames) key += `${labels[name] ?? ""}\u0000`;
    let entry = this.cells.get(key);
    if (!entry) {
      // Labels in declaration order (prom-client writes them in its callers' order: the same).
      const own: LabelValues<L> = {};
      for (const name of this.labelNames) if (labels[name] !== undefined) own[name] = labels[name];
      entry = { labels: own, cell: this.newCell() };
      this.cells.set(key, entry);
    }
    return entry.cell;
  }

  reset(): void {
    this.cells = new Map();
    if (this.labelNames.length === 0) this.cell();
  }

  getForPromString(): Promise<Metric<L>> {
    const { name, help, type, aggregator } = this;
    return Promise.resolve({ name, help, type, aggregator, values: this.values() });
  }

  /** The JSON form (prom-client's `get()`): shared labels folded into each value's own. */
  async get(): Promise<Metric<L>> {
    const metric = await this.getForPromString();
    const values = metric.values.map(({ sharedLabels, ...value }) =>
      sharedLabels ? { ...value, labels: { ...value.labels, ...sharedLabels } } : value,
    );
    return { ...metric, values };
  }
}

export class CounterCell {
  value = 0;
  inc(by = 1): void {
    this.value += by;
  }
}

/** A counter (prom-client's Counter exposition); one without labels shows 0 from the start. */
export class CounterSeries<L extends string = never> extends Series<L, CounterCell> {
  readonly type: "counter" | "gauge" = "counter";

  constructor(spec: SeriesSpec<L>, registry: Registry) {
    super(spec, registry, () => new CounterCell());
  }

  inc(labels?: LabelValues<L>, by = 1): void {
    this.cell(labels).value += by;
  }

  protected values(): Value<L>[] {
    return [...this.cells.values()].map(({ labels, cell }) => ({ value: cell.value, labels }));
  }
}

/** A gauge without labels kept as a plain number (requests in flight). */
export class LevelGauge extends CounterSeries {
  override readonly type = "gauge";
  private readonly level = this.cell();

  override inc(): void {
    this.level.value++;
  }

  dec(): void {
    this.level.value--;
  }
}

export class HistogramCell {
  /** Observations per bucket (not cumulative); the last one is above every bound. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  private readonly bounds: Float64Array;

  constructor(bounds: Float64Array) {
    this.bounds = bounds;
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    if (!Number.isFinite(value)) return;
    // The first bound ≥ value, by binary search (`le` is inclusive).
    const { bounds } = this;
    let low = 0;
    let high = bounds.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (bounds[mid]! < value) low = mid + 1;
      else high = mid;
    }
    this.counts[low]!++;
    this.sum += value;
    this.count++;
  }
}

/** A histogram (prom-client's exposition: cumulative `_bucket`s, `+Inf`, `_sum`, `_count`). */
export class HistogramSeries<L extends string = never> extends Series<L, HistogramCell> {
  readonly type = "histogram";
  private readonly bounds: Float64Array;

  constructor(spec: SeriesSpec<L> & { buckets: readonly number[] }, registry: Registry) {
    const bounds = Float64Array.from([...spec.buckets].sort((a, b) => a - b));
    super(spec, registry, () => new HistogramCell(bounds));
    this.bounds = bounds;
  }

  observe(labels: LabelValues<L>, value: number): void {
    this.cell(labels).observe(value);
  }

  // prom-client's histogram writes `le` first, then the series' labels (as shared labels).
  protected values(): Value<L>[] {
    const bucket = `${this.name}_bucket`;
    const values: Value<L>[] = [];
    for (const { labels, cell } of this.cells.values()) {
      let cumulative = 0;
      const le = (bound: number | string) => ({ le: bound }) as LabelValues<L>;
      this.bounds.forEach((bound, index) => {
        cumulative += cell.counts[index]!;
        values.push({
          labels: le(bound),
          sharedLabels: labels,
          value: cumulative,
          metricName: bucket,
        });
      });
      values.push(
        { labels: le("+Inf"), sharedLabels: labels, value: cell.count, metricName: bucket },
        { labels: {}, sharedLabels: labels, value: cell.sum, metricName: `${this.name}_sum` },
        { labels: {}, sharedLabels: labels, value: cell.count, metricName: `${this.name}_count` },
      );
    }
    return values;
  }
}
