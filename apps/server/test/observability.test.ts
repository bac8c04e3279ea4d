import type { AddressInfo } from "node:net";
import { createTesseractClient } from "@tesseract/client";
import { startTracing } from "@tesseract/telemetry";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetricsServer } from "../src/metrics-server.ts";
import { startTestServer, type TestServer } from "./helpers.ts";

// Tracing is per process: on before the server, with an in-memory exporter beside the store.
const tracing = await startTracing({ serviceName: "tesseract-server", keepRecent: true });
const exported = new InMemorySpanExporter();
tracing.addProcessor(new SimpleSpanProcessor({ exporter: exported }));

let server: TestServer;
let metricsUrl: string;
let closeMetrics: () => Promise<unknown>;
beforeAll(async () => {
  server = await startTestServer();
  const internal = createMetricsServer(server.api.metrics);
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  metricsUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}/metrics`;
  closeMetrics = () => new Promise((resolve) => internal.close(resolve));
});
afterAll(async () => {
  await closeMetrics();
  await server.close();
});

const scrape = async () => {
  const res = await fetch(metricsUrl);
  expect(res.status).toBe(200);
  return res.text();
};

describe("a request and the job it caused", () => {
  it("share one trace: HTTP span, procedure span, then the job's run", async () => {
    const client = createTesseractClient({ url: server.url });
    // Sign-up sends a verification email: a mail.send job through the outbox and the queue.
    await client.auth.signUp.mutate({
      email: "traced@example.com",
      password: "correct horse battery",
      name: "Traced",
    });
    await expect
      .poll(() => exported.getFinishedSpans().some((span) => span.name === "job mail.send"), {
        timeout: 20_000,
      })
      .toBe(true);
    const spans = exported.getFinishedSpans();
    const procedure = spans.find((span) => span.name === "trpc auth.signUp")!;
    const traceId = procedure.spanContext().traceId;
    const http = spans.find(
      (span) => span.spanContext().spanId === procedure.parentSpanContext?.spanId,
    );
    expect(http?.name).toBe("POST /trpc/auth.signUp");
    const job = spans.find((span) => span.name === "job mail.send")!;
    expect(job.spanContext().traceId).toBe(traceId);
    expect(job.attributes["job.type"]).toBe("mail.send");

    // The same trace is on the development dashboard, waterfall included.
    const recent = await fetch(`${server.url}/trpc/dev.traces`).then((r) => r.json());
    const ids = (recent as { result: { data: { json: { traceId: string }[] } } }).result.data.json;
    expect(ids.map((t) => t.traceId)).toContain(traceId);
    const one = await fetch(
      `${server.url}/trpc/dev.trace?input=${encodeURIComponent(JSON.stringify({ json: { traceId } }))}`,
    ).then((r) => r.json());
    const names = (one as { result: { data: { json: { name: string }[] } } }).result.data.json.map(
      (span) => span.name,
    );
    expect(names).toEqual(expect.arrayContaining(["trpc auth.signUp", "job mail.send"]));
  });
});

describe("metrics on the internal listener", () => {
  it("counts procedures by code, times them, and reads the services", async () => {
    const client = createTesseractClient({ url: server.url });
    await client.system.info.query();
    await client.auth.me.query().catch(() => undefined);
    await expect
      .poll(scrape, { timeout: 20_000 })
      .toMatch(/tesseract_job_duration_seconds_count\{type="mail.send",status="succeeded"\} [1-9]/);
    const text = await scrape();
    expect(text).toMatch(
      /tesseract_trpc_procedure_calls_total\{procedure="system.info",type="query",code="OK"\} [1-9]/,
    );
    expect(text).toMatch(
      /tesseract_trpc_procedure_calls_total\{procedure="auth.me",type="query",code="UNAUTHORIZED"\} 1/,
    );
    expect(text).toMatch(
      /tesseract_trpc_procedure_duration_seconds_bucket\{le="0.1",procedure="system.info",type="query"\} [1-9]/,
    );
    expect(text).toMatch(/tesseract_http_requests_total\{route="\/trpc",status="2xx"\} [1-9]/);
    expect(text).toMatch(/tesseract_http_requests_in_flight 0/);
    expect(text).toMatch(/tesseract_db_pool_connections\{state="total"\} [1-9]/);
    expect(text).toMatch(/tesseract_db_pool_connections\{state="waiting"\} 0/);
    expect(text).toMatch(/tesseract_redis_ping_seconds \d/);
    expect(text).toMatch(/tesseract_outbox_lag_seconds \d/);
    expect(text).toMatch(/tesseract_queue_depth\{queue="jobs"\} \d+/);
    expect(text).toMatch(/tesseract_queue_depth\{queue="dead_letter"\} \d+/);
    expect(text).toContain("# TYPE tesseract_rate_limit_refusals_total counter");
    expect(text).toContain("# TYPE tesseract_cache_requests_total counter");
  });
});
