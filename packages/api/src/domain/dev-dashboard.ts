import type { SpanStore, StoredSpan } from "@tesseract/telemetry";

export interface ProcedureTiming {
  procedure: string;
  calls: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The slowest call's trace, to open its waterfall. */
  slowestTraceId: string;
}

const PROCEDURE_SPAN = "trpc ";

/** Procedures in the kept traces, slowest (by 95th percentile) first. */
export function slowestProcedures(store: SpanStore | undefined, limit = 20): ProcedureTiming[] {
  if (!store) return [];
  const byProcedure = new Map<string, StoredSpan[]>();
  for (const span of store.spansNamed(PROCEDURE_SPAN)) {
    const name = span.name.slice(PROCEDURE_SPAN.length);
    const spans = byProcedure.get(name) ?? [];
    spans.push(span);
    byProcedure.set(name, spans);
  }
  const timings = [...byProcedure].map(([procedure, spans]): ProcedureTiming => {
    const sorted = [...spans].sort((a, b) => a.durationMs - b.durationMs);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    const slowest = sorted[sorted.length - 1]!;
    return {
      procedure,
      calls: sorted.length,
      errors: sorted.filter((span) => span.status === "error" || "trpc.code" in span.attributes)
        .length,
      p50Ms: round(at(0.5).durationMs),
      p95Ms: round(at(0.95).durationMs),
      maxMs: round(slowest.durationMs),
      slowestTraceId: slowest.traceId,
    };
  });
  return timings.sort((a, b) => b.p95Ms - a.p95Ms).slice(0, limit);
}

const round = (ms: number) => Math.round(ms * 100) / 100;
