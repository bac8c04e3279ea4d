export {
  AppMetrics,
  ProcedureSeries,
  type CacheResult,
  type Counter,
  type Gauge,
  type Histogram,
} from "./metrics.ts";
export {
  CounterCell,
  CounterSeries,
  HistogramCell,
  HistogramSeries,
  LevelGauge,
  type SeriesSpec,
} from "./series.ts";
export { SpanStore, type StoredSpan, type TraceSummary } from "./span-store.ts";
export {
  activeTracing,
  contextFrom,
  currentTraceId,
  currentTraceparent,
  failSpan,
  inSpan,
  isTracing,
  isTracingHere,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  startSpan,
  startTracing,
  withContext,
  type Span,
  type SpanName,
  type SpanOptions,
  type Tracing,
  type TracingOptions,
} from "./tracing.ts";
export { logFields, withLogFields, type LogFields } from "./log-context.ts";
export { serveMetrics } from "./serve-metrics.ts";
