import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { AppMetrics } from "./metrics.ts";
import { CounterSeries, HistogramSeries, LevelGauge } from "./series.ts";

const BUCKETS = [0.001, 0.01, 0.1, 1, 10];
const OBSERVED = [0, 0.0005, 0.001, 0.0011, 0.05, 0.1, 0.1000001, 3, 10, 11, 1e9];

/** prom-client's own classes and the series, fed the same values, on registries of their own. */
function pair() {
  const theirs = new Registry();
  const ours = new Registry();
  return {
    theirs,
    ours,
    texts: () => Promise.all([theirs.metrics(), ours.metrics()]),
    // As JSON carries them, without the exemplars (null) prom-client's histogram adds.
    json: async () =>
      JSON.parse(
        JSON.stringify(
          await Promise.all([theirs.getMetricsAsJSON(), ours.getMetricsAsJSON()]),
          (key, value: unknown) => (key === "exemplar" ? undefined : value),
        ),
      ) as [unknown, unknown],
  };
}

describe("hot-path series", () => {
  it("write a labelled counter's exposition as prom-client does", async () => {
    const { theirs, ours, texts, json } = pair();
    const spec = { name: "t_calls_total", help: "Calls.", labelNames: ["procedure", "code"] };
    const counter = new Counter({ ...spec, registers: [theirs] });
    const series = new CounterSeries(spec, ours);
    expect((await texts())[1]).toBe((await texts())[0]);
    for (const [procedure, code, by] of [
      ["a.b", "OK", 1],
      ["a.b", "NOT_FOUND", 2],
      ['quo"te\\', "OK", 3],
      ["a.b", "OK", 4],
    ] as const) {
      counter.inc({ procedure, code }, by);
      series.cell({ procedure, code }).inc(by);
    }
    const [text, own] = await texts();
    expect(own).toBe(text);
    expect(text).toContain('t_calls_total{procedure="a.b",code="OK"} 5');
    const [a, b] = await json();
    expect(b).toEqual(a);
  });

  it("write a counter and a gauge without labels as prom-client does (0 before any call)", async () => {
    const { theirs, ours, texts } = pair();
    const counter = new Counter({ name: "t_dropped_total", help: "Dropped.", registers: [theirs] });
    const gauge = new Gauge({ name: "t_in_flight", help: "In flight.", registers: [theirs] });
    const series = new CounterSeries({ name: "t_dropped_total", help: "Dropped." }, ours);
    const level = new LevelGauge({ name: "t_in_flight", help: "In flight." }, ours);
    expect((await texts())[1]).toBe((await texts())[0]);
    counter.inc();
    series.inc();
    gauge.inc();
    gauge.inc();
    gauge.dec();
    level.inc();
    level.inc();
    level.dec();
    const [text, own] = await texts();
    expect(own).toBe(text);
    expect(text).toContain("t_in_flight 1");
  });

  it("write a histogram's exposition as prom-client does, bucket edges included", async () => {
    const { theirs, ours, texts, json } = pair();
    const spec = { name: "t_seconds", help: "Time.", labelNames: ["procedure", "type"] };
    const histogram = new Histogram({ ...spec, buckets: BUCKETS, registers: [theirs] });
    const series = new HistogramSeries({ ...spec, buckets: BUCKETS }, ours);
    for (const [index, value] of OBSERVED.entries()) {
      const labels = { procedure: index % 3 === 0 ? "x.y" : "a.b", type: "query" };
      histogram.observe(labels, value);
      series.observe(labels, value);
    }
    const [text, own] = await texts();
    expect(own).toBe(text);
    expect(text).toContain('t_seconds_bucket{le="0.1",procedure="a.b",type="query"} 4');
    const [a, b] = await json();
    expect(b).toEqual(a);
    histogram.reset();
    series.reset();
    expect((await texts())[1]).toBe((await texts())[0]);
  });

  it("write an unlabelled histogram as prom-client does", async () => {
    const { theirs, ours, texts } = pair();
    const histogram = new Histogram({
      name: "t_h",
      help: "H.",
      buckets: BUCKETS,
      registers: [theirs],
    });
    const series = new HistogramSeries({ name: "t_h", help: "H.", buckets: BUCKETS }, ours);
    expect((await texts())[1]).toBe((await texts())[0]);
    for (const value of OBSERVED) {
      histogram.observe(value);
      series.cell().observe(value);
    }
    const [text, own] = await texts();
    expect(own).toBe(text);
  });

  it("serve a procedure's calls and durations by code through AppMetrics", async () => {
    const metrics = new AppMetrics();
    const info = metrics.procedure("system.info", "query");
    expect(metrics.procedure("system.info", "query")).toBe(info);
    info.record("OK", 0.002);
    info.record("OK", 0.2);
    info.record("NOT_FOUND", 0.004);
    const text = await metrics.render();
    expect(text).toContain(
      'tesseract_trpc_procedure_calls_total{procedure="system.info",type="query",code="OK"} 2',
    );
    expect(text).toContain(
      'tesseract_trpc_procedure_calls_total{procedure="system.info",type="query",code="NOT_FOUND"} 1',
    );
    expect(text).toContain(
      'tesseract_trpc_procedure_duration_seconds_bucket{le="0.005",procedure="system.info",type="query"} 2',
    );
    expect(text).toContain(
      'tesseract_trpc_procedure_duration_seconds_count{procedure="system.info",type="query"} 3',
    );
    expect(await metrics.valueOf(metrics.procedureCalls, { code: "NOT_FOUND" })).toBe(1);
    expect(await metrics.valueOf(metrics.droppedConnections)).toBe(0);
  });
});
