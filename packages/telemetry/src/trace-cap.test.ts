import { describe, expect, it } from "vitest";
import {
  contextFrom,
  inSpan,
  ROOT_CONTEXT,
  SpanKind,
  startSpan,
  startTracing,
  withContext,
} from "./tracing.ts";

// Tracing is per process: every new trace wanted (ratio 1), at most two a second.
const tracing = await startTracing({
  serviceName: "test",
  keepRecent: true,
  sampleRatio: 1,
  maxPerSecond: 2,
});
const store = tracing.store!;

describe("the cap on new traces a second", () => {
  it("records a burst's first traces only, and their procedures with them", async () => {
    const recorded: boolean[] = [];
    // Fifty requests in far less than the half second that refills one trace.
    for (let request = 0; request < 50; request++) {
      const started = startSpan("GET /trpc/system.info", {
        kind: SpanKind.SERVER,
        parent: ROOT_CONTEXT,
      })!;
      await withContext(started.context, () =>
        inSpan("trpc system.info", {}, (span) => {
          // A procedure follows its request: recorded with it, left out with it (never a
          // trace of its own that the cap would count).
          expect(span?.isRecording() ?? false).toBe(started.span.isRecording());
          return Promise.resolve();
        }),
      );
      recorded.push(started.span.isRecording());
      started.span.end();
    }
    expect(recorded.slice(0, 2)).toEqual([true, true]);
    expect(recorded.slice(2).some(Boolean)).toBe(false);
    const traces = store.recent();
    expect(traces).toHaveLength(2);
    expect(traces.every((t) => t.spanCount === 2)).toBe(true);
  });

  it("still follows a caller's sampled traceparent once the budget is spent", async () => {
    const traceId = "6bf92f3577b34da6a3ce929d0e0e4736";
    const parent = contextFrom({ traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    await inSpan("job report.export", { kind: SpanKind.CONSUMER, parent }, (span) => {
      expect(span?.isRecording()).toBe(true);
      return Promise.resolve();
    });
    expect(store.trace(traceId)!.map((span) => span.name)).toEqual(["job report.export"]);
  });
});
