import {
  context,
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
  type Tracer,
} from "@opentelemetry/api";
import type { SpanProcessor } from "@opentelemetry/sdk-trace";
import type { SpanStore } from "./span-store.ts";

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

/**
 * Turns tracing on for this process (once; later calls return the same one). The SDK is
 * imported here, so a process that never calls this loads none of it: `isTracing()` stays
 * false and the request path skips every span.
 */
export function startTracing(options: TracingOptions): Promise<Tracing> {
  active ??= import("./tracing-sdk.ts").then(({ installSdk, TRACER_NAME }) => {
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

/**
 * Whether a span under `parent` may be recorded: it has no span (a new trace, for the sampler
 * to decide) or its trace is sampled. Under an unsampled one, procedures skip their spans
 * entirely: no span, no attributes, no context switch.
 */
function parentSampled(parent: Context): boolean {
  const span = trace.getSpan(parent);
  return !span || (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;
}

/** Whether a span started here would be recorded (tracing is on, the current trace sampled). */
export function isTracingHere(): boolean {
  return tracer !== undefined && parentSampled(context.active());
}

/**
 * Runs `run` inside a new active span (a child of the current one, or of `parent`), ending it
 * when `run` settles and marking it failed when it throws. Without tracing, just runs `run`.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  run: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  const started = begin(name, options);
  if (!started) return run(undefined);
  const { span, parent } = started;
  try {
    return await context.with(trace.setSpan(parent, span), () => run(span));
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
 * context to run its work in; undefined without tracing. Under an unsampled parent (a caller's
 * `traceparent` saying so) the span records nothing and the context is the parent's.
 */
export function startSpan(
  name: string,
  options: SpanOptions,
): { span: Span; context: Context } | undefined {
  if (!tracer) return undefined;
  const started = begin(name, options);
  if (started) return { span: started.span, context: trace.setSpan(started.parent, started.span) };
  const parent = options.parent ?? context.active();
  return {
    span: trace.getSpan(parent) ?? trace.wrapSpanContext(INVALID_SPAN_CONTEXT),
    context: parent,
  };
}

export interface SpanOptions {
  /** Set only on a recorded span: a function is called only then. */
  attributes?: Attributes | (() => Attributes);
  kind?: SpanKind;
  parent?: Context;
}

/**
 * A span under `parent`, or undefined (tracing off, or the parent's trace unsampled). A new
 * trace the sampler leaves out still gets its span, unrecorded, so that what runs inside it
 * (procedures, library calls, the jobs it enqueues) follows that decision and records nothing.
 */
function begin(name: string, options: SpanOptions): { span: Span; parent: Context } | undefined {
  if (!tracer) return undefined;
  const parent = options.parent ?? context.active();
  if (!parentSampled(parent)) return undefined;
  // The sampler (parent-based, then a ratio of trace ids) reads no attributes: they are set
  // after it decided, and only on a span it records.
  const span = tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL }, parent);
  const { attributes } = options;
  if (attributes && span.isRecording())
    span.setAttributes(typeof attributes === "function" ? attributes() : attributes);
  return { span, parent };
}

/** Runs `run` with `ctx` as the active context. */
export function withContext<T>(ctx: Context, run: () => T): T {
  return context.with(ctx, run);
}

/** The current span's W3C `traceparent`, to carry into a job; undefined without one. */
export function currentTraceparent(): string | undefined {
  if (!tracer) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
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

/** The active span's trace id (for log lines and answers); undefined without tracing. */
export function currentTraceId(): string | undefined {
  if (!tracer) return undefined;
  return trace.getSpan(context.active())?.spanContext().traceId;
}

export { ROOT_CONTEXT, SpanKind, SpanStatusCode, type Span };
