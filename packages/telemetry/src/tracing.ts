import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  TracerProvider,
  type ReadableSpan,
  type Span as SdkSpan,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace";
import { SpanStore } from "./span-store.ts";

export interface TracingOptions {
  /** `service.name` on every span: "tesseract-server", "tesseract-worker". */
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: spans are sent to `<endpoint>/v1/traces` over OTLP/HTTP. */
  otlpEndpoint?: string | undefined;
  /** Keep the last traces in memory for the development dashboard. */
  keepRecent?: boolean;
}

export interface Tracing {
  /** The in-memory store behind `/dev`; undefined unless `keepRecent`. */
  store: SpanStore | undefined;
  /** Adds a processor (a test's in-memory exporter) to the running provider. */
  addProcessor(processor: SpanProcessor): void;
  /** Sends what is buffered (the OTLP batch). */
  flush(): Promise<void>;
}

const TRACER_NAME = "tesseract";

/**
 * Fans spans out to processors that may be added after the provider is built. A library's span
 * with no parent (the job consumer's SQS long polls, the relay's sends) is dropped: traces start
 * at a request or a job, not at the machinery's idle loops.
 */
class Processors implements SpanProcessor {
  readonly list: SpanProcessor[] = [];
  onStart(span: SdkSpan, parent: Context): void {
    for (const processor of this.list) processor.onStart(span, parent);
  }
  onEnd(span: ReadableSpan): void {
    if (!span.parentSpanContext && span.instrumentationScope.name !== TRACER_NAME) return;
    for (const processor of this.list) processor.onEnd(span);
  }
  async forceFlush(): Promise<void> {
    await Promise.all(this.list.map((processor) => processor.forceFlush()));
  }
  async shutdown(): Promise<void> {
    await Promise.all(this.list.map((processor) => processor.shutdown()));
  }
}

let active: Tracing | undefined;

/**
 * Turns tracing on for this process (once; later calls return the same one): a global tracer
 * provider, AsyncLocalStorage context and W3C trace-context propagation. Never called, nothing
 * is registered, `isTracing()` stays false and the request path skips every span.
 */
export function startTracing(options: TracingOptions): Tracing {
  if (active) return active;
  const processors = new Processors();
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/+$/, "")}/v1/traces`;
    processors.list.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) }));
  }
  const store = options.keepRecent ? new SpanStore() : undefined;
  if (store) processors.list.push(store);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: [processors],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  tracer = trace.getTracer(TRACER_NAME);
  active = {
    store,
    addProcessor: (processor) => processors.list.push(processor),
    flush: () => provider.forceFlush(),
  };
  return active;
}

let tracer: Tracer | undefined;

/** Whether this process records spans; a cheap check for hot paths. */
export function isTracing(): boolean {
  return tracer !== undefined;
}

/** The running tracing (its span store), when on. */
export function activeTracing(): Tracing | undefined {
  return active;
}

/**
 * Runs `run` inside a new active span (a child of the current one, or of `parent`), ending it
 * when `run` settles and marking it failed when it throws. Without tracing, just runs `run`.
 */
export async function inSpan<T>(
  name: string,
  options: { attributes?: Attributes; kind?: SpanKind; parent?: Context },
  run: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracer) return run(undefined);
  const parent = options.parent ?? context.active();
  const span = tracer.startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {} },
    parent,
  );
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

/** Starts a span that the caller ends (an HTTP request ended by its response's close). */
export function startSpan(
  name: string,
  options: { attributes?: Attributes; kind?: SpanKind; parent?: Context },
): { span: Span; context: Context } | undefined {
  if (!tracer) return undefined;
  const parent = options.parent ?? context.active();
  const span = tracer.startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {} },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
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

export { SpanKind, SpanStatusCode, type Span };
