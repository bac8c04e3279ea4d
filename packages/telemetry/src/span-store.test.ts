import { ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { TracerProvider } from "@opentelemetry/sdk-trace";
import { describe, expect, it } from "vitest";
import { SpanStore } from "./span-store.ts";

function recorder(store: SpanStore) {
  const provider = new TracerProvider({ spanProcessors: [store] });
  return provider.getTracer("test");
}

describe("SpanStore", () => {
  it("keeps a trace's spans with their parents, newest trace first", () => {
    const store = new SpanStore();
    const tracer = recorder(store);
    const root = tracer.startSpan("POST /trpc/auth.signUp");
    const child = tracer.startSpan("trpc auth.signUp", {}, trace.setSpan(ROOT_CONTEXT, root));
    child.end();
    root.end();
    tracer.startSpan("GET /readyz").end();
    const [newest, older] = store.recent();
    expect(newest?.name).toBe("GET /readyz");
    expect(older).toMatchObject({ name: "POST /trpc/auth.signUp", spanCount: 2 });
    const spans = store.trace(older!.traceId)!;
    expect(spans.map((s) => s.name)).toEqual(["POST /trpc/auth.signUp", "trpc auth.signUp"]);
    expect(spans[1]!.parentSpanId).toBe(spans[0]!.spanId);
  });

  it("drops the oldest traces beyond its size, and caps a trace's spans", () => {
    const store = new SpanStore({ maxTraces: 3, maxSpansPerTrace: 2 });
    const tracer = recorder(store);
    const first = tracer.startSpan("first");
    const parent = trace.setSpan(ROOT_CONTEXT, first);
    for (let i = 0; i < 5; i++) tracer.startSpan(`child ${i}`, {}, parent).end();
    first.end();
    expect(store.trace(first.spanContext().traceId)).toHaveLength(2);
    for (let i = 0; i < 3; i++) tracer.startSpan(`later ${i}`).end();
    expect(store.trace(first.spanContext().traceId)).toBeUndefined();
    expect(store.recent().map((t) => t.name)).toEqual(["later 2", "later 1", "later 0"]);
  });
});
