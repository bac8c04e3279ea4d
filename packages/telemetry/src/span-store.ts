import { SpanStatusCode, type Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace";

/** OpenTelemetry's [seconds, nanoseconds] in milliseconds. */
const hrTimeToMilliseconds = ([seconds, nanos]: readonly [number, number]) =>
  seconds * 1e3 + nanos / 1e6;

/** One finished span as the development dashboard shows it: plain data, times in ms since epoch. */
export interface StoredSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** Which process recorded it ("tesseract-server", "tesseract-worker"). */
  service: string;
  startMs: number;
  durationMs: number;
  /** "error" when the span recorded a failure. */
  status: "ok" | "error";
  attributes: Record<string, string | number | boolean>;
}

/** A trace as listed: its root (or earliest) span, when it started and how long it ran. */
export interface TraceSummary {
  traceId: string;
  name: string;
  startMs: number;
  durationMs: number;
  spanCount: number;
  hasError: boolean;
}

/**
 * A SpanProcessor that keeps the last `maxTraces` traces in memory for the development
 * dashboard (`/dev`). Old traces are dropped whole, oldest first; a trace is capped at
 * `maxSpansPerTrace` spans so one runaway loop cannot hold the process's memory.
 */
export class SpanStore implements SpanProcessor {
  private readonly traces = new Map<string, StoredSpan[]>();
  private readonly maxTraces: number;
  private readonly maxSpansPerTrace: number;

  constructor(options: { maxTraces?: number; maxSpansPerTrace?: number } = {}) {
    this.maxTraces = options.maxTraces ?? 200;
    this.maxSpansPerTrace = options.maxSpansPerTrace ?? 500;
  }

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    const { traceId, spanId } = span.spanContext();
    let spans = this.traces.get(traceId);
    if (spans) {
      // Refresh its place: a trace that grows (a job run after its request) is recent again.
      this.traces.delete(traceId);
    } else {
      spans = [];
      if (this.traces.size >= this.maxTraces) {
        const oldest = this.traces.keys().next().value;
        if (oldest !== undefined) this.traces.delete(oldest);
      }
    }
    this.traces.set(traceId, spans);
    if (spans.length >= this.maxSpansPerTrace) return;
    spans.push({
      traceId,
      spanId,
      parentSpanId: span.parentSpanContext?.spanId,
      name: span.name,
      service: serviceName(span),
      startMs: hrTimeToMilliseconds(span.startTime),
      durationMs: hrTimeToMilliseconds(span.duration),
      status: span.status.code === SpanStatusCode.ERROR ? "error" : "ok",
      attributes: plainAttributes(span.attributes),
    });
  }

  /** The most recent traces, newest first. */
  recent(limit = 50): TraceSummary[] {
    // Latest-touched first, so traces that started in the same millisecond keep their order.
    const summaries = [...this.traces]
      .reverse()
      .map(([traceId, spans]) => summarize(traceId, spans));
    return summaries.sort((a, b) => b.startMs - a.startMs).slice(0, limit);
  }

  /** One trace's spans, in start order; undefined when it is not (or no longer) kept. */
  trace(traceId: string): StoredSpan[] | undefined {
    const spans = this.traces.get(traceId);
    // Spans end (and arrive) children first; at an equal start a parent still comes first.
    const parentFirst = (a: StoredSpan, b: StoredSpan) =>
      a.spanId === b.parentSpanId ? -1 : b.spanId === a.parentSpanId ? 1 : 0;
    return spans
      ? [...spans].sort((a, b) => a.startMs - b.startMs || parentFirst(a, b))
      : undefined;
  }

  /** Every kept span whose name starts with `prefix` (the slowest-procedures table). */
  spansNamed(prefix: string): StoredSpan[] {
    return [...this.traces.values()].flat().filter((span) => span.name.startsWith(prefix));
  }

  clear(): void {
    this.traces.clear();
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function summarize(traceId: string, spans: StoredSpan[]): TraceSummary {
  const ids = new Set(spans.map((span) => span.spanId));
  const root =
    spans.find((span) => span.parentSpanId === undefined || !ids.has(span.parentSpanId)) ??
    spans[0]!;
  const startMs = Math.min(...spans.map((span) => span.startMs));
  const endMs = Math.max(...spans.map((span) => span.startMs + span.durationMs));
  return {
    traceId,
    name: root.name,
    startMs,
    durationMs: endMs - startMs,
    spanCount: spans.length,
    hasError: spans.some((span) => span.status === "error"),
  };
}

function serviceName(span: ReadableSpan): string {
  const name = span.resource.attributes["service.name"];
  return typeof name === "string" ? name : "tesseract";
}

function plainAttributes(attributes: ReadableSpan["attributes"]): StoredSpan["attributes"] {
  const plain: StoredSpan["attributes"] = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === "string") plain[key] = value.slice(0, 500);
    else if (typeof value === "number" || typeof value === "boolean") plain[key] = value;
  }
  return plain;
}
