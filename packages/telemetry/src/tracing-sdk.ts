import { context, propagation, trace, type Context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type ReadableSpan,
  type Span as SdkSpan,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace";
import { SpanStore } from "./span-store.ts";
import type { Tracing, TracingOptions } from "./tracing.ts";

export const TRACER_NAME = "tesseract";

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

/**
 * The OpenTelemetry SDK, loaded only when tracing is turned on: the global tracer provider
 * (sampling a trace's root at `sampleRatio`, its children as their parent was), the
 * AsyncLocalStorage context manager and W3C trace-context propagation.
 */
export function installSdk(options: TracingOptions): Tracing {
  const processors = new Processors();
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/+$/, "")}/v1/traces`;
    processors.list.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) }));
  }
  const store = options.keepRecent ? new SpanStore() : undefined;
  if (store) processors.list.push(store);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1),
    }),
    spanProcessors: [processors],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return {
    store,
    addProcessor: (processor) => processors.list.push(processor),
    flush: () => provider.forceFlush(),
  };
}
