import { context, propagation, trace, type Context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  SamplingDecision,
  TracerProvider,
  type ReadableSpan,
  type Sampler,
  type SamplingResult,
  type Span as SdkSpan,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace";
import { createOtlpFetchExporter } from "./otlp-fetch-exporter.ts";
import { SpanStore } from "./span-store.ts";
import { RECORD_ROOT, type Tracing, type TracingOptions } from "./tracing.ts";

export const TRACER_NAME = "tesseract";

const RECORD: SamplingResult = { decision: SamplingDecision.RECORD_AND_SAMPLED };
const DROP: SamplingResult = { decision: SamplingDecision.NOT_RECORD };

/**
 * The sampler of a span without a parent: it records the new traces `begin` (tracing.ts)
 * already chose, with one random draw at the ratio, before any span existed. Any other root
 * — a library's span with no parent (the job consumer's SQS long polls, the relay's sends) —
 * is not recorded: traces start at a request or a job, not at the machinery's idle loops.
 */
const decidedRoots: Sampler = {
  shouldSample: (context) => (context.getValue(RECORD_ROOT) === true ? RECORD : DROP),
  toString: () => "TesseractDecidedRoots",
};

/** Fans spans out to processors that may be added after the provider is built. */
class Processors implements SpanProcessor {
  readonly list: SpanProcessor[] = [];
  onStart(span: SdkSpan, parent: Context): void {
    for (const processor of this.list) processor.onStart(span, parent);
  }
  onEnd(span: ReadableSpan): void {
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
 * (a new trace recorded as `begin` decided at `sampleRatio`, a child as its parent was), the
 * AsyncLocalStorage context manager and W3C trace-context propagation.
 */
export function installSdk(options: TracingOptions): Tracing {
  const processors = new Processors();
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/+$/, "")}/v1/traces`;
    processors.list.push(new BatchSpanProcessor({ exporter: createOtlpFetchExporter(url) }));
  }
  const store = options.keepRecent ? new SpanStore() : undefined;
  if (store) processors.list.push(store);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    sampler: new ParentBasedSampler({ root: decidedRoots }),
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
