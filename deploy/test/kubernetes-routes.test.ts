import { createTestServices, type TestServices } from "@tesseract/api/testing";
import { freePort, parseConfig } from "@tesseract/config";
import { startServer, type StartedServer } from "@tesseract/server";
import { startWorker, type StartedWorker } from "@tesseract/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectlAvailable, type K8sObject } from "./kubectl.ts";
import { environmentOf, only, renderAll, workload, type Probe } from "./manifests.ts";
import { testServiceVariables } from "./test-services.ts";

/**
 * The probes and the scrape path, asked of the real API server and worker: each started from
 * the production overlay's rendered ConfigMap and Secret, with only the service addresses
 * (this machine's test PostgreSQL, Redis and S3/SQS emulator) and the loopback ports changed.
 */
let services: TestServices;
let server: StartedServer;
let worker: StartedWorker;
let production: K8sObject[];

describe.skipIf(!kubectlAvailable)("the manifests' paths on the running apps", () => {
  beforeAll(async () => {
    ({ production } = renderAll());
    services = await createTestServices({}, { runJobs: false });
    const pod = workload(production, "Deployment", "tesseract-server").spec.template.spec;
    const env = {
      ...environmentOf(production, pod),
      ...testServiceVariables(services.config),
      HOST: "127.0.0.1",
      PORT: "0",
      METRICS_HOST: "127.0.0.1",
      METRICS_PORT: String(await freePort()),
      WORKER_HEALTH_PORT: String(await freePort()),
    };
    server = await startServer(parseConfig(env));
    worker = await startWorker(parseConfig(env));
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await server?.shutdown();
    await services?.close();
  }, 60_000);

  const probesOf = (name: string): Probe[] => {
    const container = only(workload(production, "Deployment", name).spec.template.spec.containers);
    return [container.readinessProbe, container.livenessProbe].filter((p) => p !== undefined);
  };

  it("answers the server's probes with 200 on its port", async () => {
    for (const probe of probesOf("tesseract-server")) {
      const path = probe.httpGet?.path ?? "";
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
    }
  });

  it("answers the worker's probes with 200 on its health port", async () => {
    for (const probe of probesOf("tesseract-worker")) {
      const path = probe.httpGet?.path ?? "";
      expect((await fetch(`${worker.healthUrl}${path}`)).status, path).toBe(200);
    }
  });

  it("serves Prometheus text where the ServiceMonitor scrapes the server", async () => {
    const monitor = only(production.filter((o) => o.kind === "ServiceMonitor")) as K8sObject & {
      spec: { endpoints: { path: string }[] };
    };
    const response = await fetch(`${server.metricsUrl}${only(monitor.spec.endpoints).path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    // The public port never serves it.
    expect((await fetch(`${server.url}${only(monitor.spec.endpoints).path}`)).status).toBe(404);
  });
});
