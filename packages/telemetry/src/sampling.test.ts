import { context, trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import {
  contextFrom,
  currentTraceId,
  currentTraceparent,
  inSpan,
  isTracingHere,
  ROOT_CONTEXT,
  SpanKind,
  startSpan,
  startTracing,
  withContext,
} from "./tracing.ts";

// Tracing is per process: production's sampling with no new trace recorded, so whatever is
// recorded below was asked for by a caller's traceparent.
const tracing = await startTracing({ serviceName: "test", keepRecent: true, sampleRatio: 0 });
const store = tracing.store!;
const CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN = "00f067aa0ba902b7";

describe("a new trace the sampler leaves out", () => {
  it("costs no span: procedures, libraries and jobs inside it skip theirs", async () => {
    const request = startSpan("GET /trpc/system.info", {
      kind: SpanKind.SERVER,
      parent: ROOT_CONTEXT,
      attributes: () => {
        throw new Error("attributes are built only for a recorded span");
      },
    })!;
    expect(request.span.isRecording()).toBe(false);
    await withContext(request.context, async () => {
      expect(isTracingHere()).toBe(false);
      // No span in the context: pg, ioredis and outgoing HTTP (requireParentSpan) call
      // straight through, and a library that starts one anyway gets it unrecorded.
      expect(trace.getSpan(context.active())).toBeUndefined();
      expect(trace.getTracer("a-library").startSpan("GetObject").isRecording()).toBe(false);
      await inSpan("trpc system.info", {}, (span) => {
        expect(span).toBeUndefined();
        return Promise.resolve();
      });
      // A job enqueued here is left out by the worker too.
      expect(currentTraceparent()).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
      expect(currentTraceId()).toBeUndefined();
    });
    request.span.end();
    expect(store.recent()).toEqual([]);
  });

  it("builds no name: a name given as a function is not called", () => {
    const request = startSpan(
      () => {
        throw new Error("the name is built only for a recorded span");
      },
      { kind: SpanKind.SERVER, parent: ROOT_CONTEXT },
    )!;
    expect(request.span.isRecording()).toBe(false);
  });

  it("reaches a job's run: unsampled in its traceparent, unsampled in the worker", async () => {
    const parent = contextFrom({ traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-00` });
    await inSpan("job mail.send", { kind: SpanKind.CONSUMER, parent }, (span) => {
      expect(span).toBeUndefined();
      expect(isTracingHere()).toBe(false);
      expect(trace.getSpan(context.active())).toBeUndefined();
      // Its follow-up jobs keep the caller's trace, still unsampled; its log lines name it.
      expect(currentTraceparent()).toBe(`00-${CALLER_TRACE}-${CALLER_SPAN}-00`);
      expect(currentTraceId()).toBe(CALLER_TRACE);
      return Promise.resolve();
    });
    expect(store.recent()).toEqual([]);
  });
});

describe("a caller's sampled traceparent", () => {
  it("names the span with the function given for its name", async () => {
    const traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
    const parent = contextFrom({ traceparent: `00-${traceId}-${CALLER_SPAN}-01` });
    await inSpan(
      () => "job report.export",
      { kind: SpanKind.CONSUMER, parent },
      (span) => {
        expect(span?.isRecording()).toBe(true);
        return Promise.resolve();
      },
    );
    expect(store.trace(traceId)!.map((span) => span.name)).toEqual(["job report.export"]);
  });

  it("is followed whatever the ratio: the request's span and its children are recorded", async () => {
    const request = startSpan("POST /trpc/task.create", {
      kind: SpanKind.SERVER,
      parent: contextFrom({ traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` }),
      attributes: { "http.request.method": "POST" },
    })!;
    expect(request.span.isRecording()).toBe(true);
    await withContext(request.context, () =>
      inSpan("trpc task.create", {}, (span) => {
        expect(span?.isRecording()).toBe(true);
        expect(isTracingHere()).toBe(true);
        expect(currentTraceparent()).toBe(`00-${CALLER_TRACE}-${span!.spanContext().spanId}-01`);
        return Promise.resolve();
      }),
    );
    request.span.end();
    const spans = store.trace(CALLER_TRACE)!;
    expect(spans.map((span) => span.name)).toEqual(["POST /trpc/task.create", "trpc task.create"]);
    expect(spans[0]!.parentSpanId).toBe(CALLER_SPAN);
    expect(spans[0]!.attributes["http.request.method"]).toBe("POST");
    expect(spans[1]!.parentSpanId).toBe(spans[0]!.spanId);
  });
});
