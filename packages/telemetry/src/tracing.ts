import { randomBytes } from "node:crypto";
import {
  context,
  createContextKey,
  INVALID_SPAN_CONTEXT,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span,
  type SpanContext,
  type Tracer,
} from "@opentelemetry/api";
import type { SpanProcessor } from "@opentelemetry/sdk-trace";
import type { SpanStore } from "./span-store.ts";
import { TraceBudget } from "./trace-budget.ts";

export interface TracingOptions {
  /** `service.name` on every span: "tesseract-server", "tesseract-worker". */
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: spans are sent to `<endpoint>/v1/traces` over OTLP/HTTP. */
  otlpEndpoint?: string | undefined;
  /** Keep the last traces in memory for the development dashboard. */
  keepRecent?: boolean;
  /**
   * OTEL_TRACES_SAMPLER_ARG: the share of new traces recorded (0–1; default 1). A request that
   * arrives with a `traceparent`, and a job enqueued by a traced request, follow their parent.
   */
  sampleRatio?: number | undefined;
  /**
   * TRACING_MAX_PER_SECOND: the most new traces this process starts a second, whatever the
   * ratio (unset: no cap). Traces a caller or a job's parent chose are not counted.
   */
  maxPerSecond?: number | undefined;
}

export interface Tracing {
  /** The in-memory store behind `/dev`; undefined unless `keepRecent`. */
  store: SpanStore | undefined;
  /** Adds a processor (a test's in-memory exporter) to the running provider. */
  addProcessor(processor: SpanProcessor): void;
  /** Sends what is buffered (the OTLP batch). */
  flush(): Promise<void>;
}

let active: Promise<Tracing> | undefined;
let started: Tracing | undefined;
let tracer: Tracer | undefined;
/** The share of new traces recorded, decided with one random draw before any span exists. */
let sampleRatio = 1;
/** The cap on new traces a second, when set (`TraceBudget`). */
let budget: TraceBudget | undefined;

/**
 * A context whose trace is left out (the sampler said no to a new trace, or a caller's
 * `traceparent` said unsampled) holds this key and no span: everything that runs in it skips
 * its span work at once. Our own spans see the key; the library instrumentations, configured
 * with `requireParentSpan`, see no parent span and call straight through (no attributes, no
 * statement text, no ids). Its value is the caller's span context, or `true` for a trace
 * that started here, so a job enqueued inside still says "not sampled" to the worker.
 */
const UNSAMPLED = createContextKey("tesseract.trace.unsampled");
/**
 * Set only on the context passed to the SDK for a new trace this process chose to record:
 * the SDK's root sampler (tracing-sdk.ts) records exactly these, so the decision is made
 * once, here, and a library's span with no parent (the worker's idle SQS polls) is never
 * recorded.
 */
export const RECORD_ROOT = createContextKey("tesseract.trace.record-root");
/** What an unsampled request's `startSpan` hands back: a span that records nothing. */
const NOT_RECORDED = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Turns tracing on for this process (once; later calls return the same one). The SDK is
 * imported here, so a process that never calls this loads none of it: `isTracing()` stays
 * false and the request path skips every span.
 */
export function startTracing(options: TracingOptions): Promise<Tracing> {
  active ??= import("./tracing-sdk.ts").then(({ installSdk, TRACER_NAME }) => {
    sampleRatio = options.sampleRatio ?? 1;
    budget = options.maxPerSecond === undefined ? undefined : new TraceBudget(options.maxPerSecond);
    started = installSdk(options);
    tracer = trace.getTracer(TRACER_NAME);
    return started;
  });
  return active;
}

/** Whether this process records spans; a cheap check for hot paths. */
export function isTracing(): boolean {
  return tracer !== undefined;
}

/** The running tracing (its span store), when on. */
export function activeTracing(): Tracing | undefined {
  return started;
}

/** Whether a span started here would be recorded (tracing is on, the current trace sampled). */
export function isTracingHere(): boolean {
  if (tracer === undefined) return false;
  const here = context.active();
  if (here.getValue(UNSAMPLED) !== undefined) return false;
  const span = trace.getSpan(here);
  return !span || (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;
}

/**
 * Runs `run` inside a new active span (a child of the current one, or of `parent`), ending it
 * when `run` settles and marking it failed when it throws. Without tracing, just runs `run`;
 * in a trace left out, runs it in a context that says so (`run` gets no span).
 */
export async function inSpan<T>(
  name: SpanName,
  options: SpanOptions,
  run: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  const started = begin(name, options);
  if (!started) return run(undefined);
  if (!started.span) {
    if (started.context === context.active()) return run(undefined);
    return context.with(started.context, () => run(undefined));
  }
  const { span } = started;
  try {
    return await context.with(started.context, () => run(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Marks a span failed with the error's name (never its message: it may carry input). */
export function failSpan(span: Span, error: unknown, description?: string): void {
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: description ?? (error instanceof Error ? error.name : "error"),
  });
}

/**
 * Starts a span that the caller ends (an HTTP request ended by its response's close), and the
 * context to run its work in; undefined without tracing. In a trace left out (the sampler's
 * decision, or a caller's `traceparent` saying so) the span records nothing and the context
 * says the trace is unsampled.
 */
export function startSpan(
  name: SpanName,
  options: SpanOptions,
): { span: Span; context: Context } | undefined {
  const started = begin(name, options);
  if (!started) return undefined;
  if (started === LEFT_OUT) return LEFT_OUT_STARTED;
  return { span: started.span ?? NOT_RECORDED, context: started.context };
}

/** A span's name, or the function that builds it: called only for a recorded span. */
export type SpanName = string | (() => string);

export interface SpanOptions {
  /** Set only on a recorded span: a function is called only then. */
  attributes?: Attributes | (() => Attributes);
  kind?: SpanKind;
  parent?: Context;
}

/**
 * A recorded span under `parent` and the context to run in beside it, or, when the trace is
 * left out, no span and an unsampled context; undefined without tracing. The decision comes
 * first and costs one random draw for a new trace: a trace left out creates no span, ids or
 * attributes at all, and its context makes everything inside (procedures, library calls, the
 * jobs it enqueues) skip theirs too.
 */
function begin(
  name: SpanName,
  options: SpanOptions,
): { span: Span; context: Context } | { span: undefined; context: Context } | undefined {
  if (!tracer) return undefined;
  const parent = options.parent ?? context.active();
  if (parent.getValue(UNSAMPLED) !== undefined) return { span: undefined, context: parent };
  const parentSpan = trace.getSpan(parent);
  let decided = parent;
  if (parentSpan) {
    const parentContext = parentSpan.spanContext();
    if ((parentContext.traceFlags & TraceFlags.SAMPLED) === 0) {
      // A caller's (or a job's) unsampled trace: follow it without its span, keeping its
      // ids for what this work enqueues.
      return { span: undefined, context: unsampled(parent, parentContext) };
    }
  } else {
    // The budget is asked only for a trace the ratio wants: its clock read stays off the
    // common path.
    if (!(Math.random() < sampleRatio) || (budget !== undefined && !budget.take()))
      return parent === ROOT_CONTEXT
        ? LEFT_OUT
        : { span: undefined, context: unsampled(parent, true) };
    decided = parent.setValue(RECORD_ROOT, true);
  }
  // The sampler (parent-based, then the decision above) reads no attributes: they are set
  // after, and only on a recorded span.
  const spanName = typeof name === "string" ? name : name();
  const span = tracer.startSpan(spanName, { kind: options.kind ?? SpanKind.INTERNAL }, decided);
  const { attributes } = options;
  if (attributes && span.isRecording())
    span.setAttributes(typeof attributes === "function" ? attributes() : attributes);
  return { span, context: trace.setSpan(parent, span) };
}

/** A request's new trace left out: one context for them all (building one copies a map). */
const LEFT_OUT_ROOT = ROOT_CONTEXT.setValue(UNSAMPLED, true);
/** What `begin` and `startSpan` hand back for it: nothing to allocate on the common path. */
const LEFT_OUT = { span: undefined, context: LEFT_OUT_ROOT } as const;
const LEFT_OUT_STARTED = { span: NOT_RECORDED, context: LEFT_OUT_ROOT } as const;

/** `parent` without its span, marked as a trace left out (`from`: the caller's ids, if any). */
function unsampled(parent: Context, from: SpanContext | true): Context {
  if (from === true)
    return parent === ROOT_CONTEXT ? LEFT_OUT_ROOT : parent.setValue(UNSAMPLED, true);
  return trace.deleteSpan(parent).setValue(UNSAMPLED, from);
}

/** Runs `run` with `ctx` as the active context. */
export function withContext<T>(ctx: Context, run: () => T): T {
  return context.with(ctx, run);
}

/**
 * The current span's W3C `traceparent`, to carry into a job; undefined without one. In a
 * trace left out it says "not sampled" (flags 00), with the caller's ids when a caller sent
 * them and fresh ones otherwise, so the worker leaves the job's run out as well.
 */
export function currentTraceparent(): string | undefined {
  if (!tracer) return undefined;
  const here = context.active();
  const left = here.getValue(UNSAMPLED) as SpanContext | true | undefined;
  if (left !== undefined) {
    const traceId = left === true ? randomBytes(16).toString("hex") : left.traceId;
    const spanId = left === true ? randomBytes(8).toString("hex") : left.spanId;
    return `00-${traceId}-${spanId}-00`;
  }
  const carrier: Record<string, string> = {};
  propagation.inject(here, carrier);
  return carrier.traceparent;
}

/** The context a W3C `traceparent` (a job's, an incoming request's) names, for `parent`. */
export function contextFrom(headers: {
  traceparent?: string | string[] | undefined;
  tracestate?: string | string[] | undefined;
}): Context {
  return propagation.extract(ROOT_CONTEXT, headers, {
    keys: () => ["traceparent", "tracestate"],
    get: (carrier, key) => (carrier as Record<string, string | string[] | undefined>)[key],
  });
}

/**
 * The active trace's id (for log lines and answers): a recorded one's, or a caller's whose
 * trace is left out here; undefined without tracing or in a trace that started here unsampled.
 */
export function currentTraceId(): string | undefined {
  if (!tracer) return undefined;
  const here = context.active();
  const left = here.getValue(UNSAMPLED) as SpanContext | true | undefined;
  if (left !== undefined) return left === true ? undefined : left.traceId;
  return trace.getSpan(here)?.spanContext().traceId;
}

export { ROOT_CONTEXT, SpanKind, SpanStatusCode, type Span };
