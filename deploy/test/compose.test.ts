import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { envSchema, workspaceRoot } from "@tesseract/config";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * docker/compose.yml and its `observability` profile, read as data (no Docker here): what
 * `docker compose config` cannot check — that Prometheus scrapes the ports the apps listen on,
 * that Grafana's dashboard uses the provisioned data source and the agreed metric names, that
 * `up --wait` can finish — checked against the config schema and the files on disk.
 */
interface Service {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  restart?: string;
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}
const dockerDir = join(workspaceRoot, "docker");
const compose = parse(readFileSync(join(dockerDir, "compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const read = (path: string) => readFileSync(join(dockerDir, path), "utf8");
const OBSERVABILITY = ["prometheus", "grafana", "jaeger"];
const defaults = envSchema.parse({});

// The series the apps export (packages/api and apps/*: prom-client), as the dashboard may use
// them; histograms also as _bucket, _sum and _count.
const METRICS = [
  "tesseract_trpc_procedure_calls_total",
  "tesseract_trpc_procedure_duration_seconds",
  "tesseract_http_requests_in_flight",
  "tesseract_db_pool_connections",
  "tesseract_cache_requests_total",
  "tesseract_rate_limit_refusals_total",
  "tesseract_outbox_lag_seconds",
  "tesseract_queue_depth",
  "tesseract_job_duration_seconds",
  "tesseract_job_failures_total",
];

describe("docker/compose.yml", () => {
  it("keeps the observability services in their own profile, and the app in none", () => {
    for (const [name, service] of Object.entries(services)) {
      if (OBSERVABILITY.includes(name)) expect(service.profiles, name).toEqual(["observability"]);
      else expect(service.profiles, name).toBeUndefined();
    }
  });

  it("pins every image and publishes every port on BIND_ADDRESS only", () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.image && !service.build)
        expect(service.image, name).toMatch(/:[\w.-]*\d[\w.-]*\}?$/);
      for (const mapping of service.ports ?? [])
        expect(mapping, name).toMatch(/^"?\$\{BIND_ADDRESS:-127\.0\.0\.1\}:/);
    }
  });

  it("can finish `up --wait`: each one-shot is awaited by a service that outlives it", () => {
    const oneShots = Object.entries(services).filter(([, s]) => s.restart === "no");
    expect(oneShots.map(([name]) => name)).toEqual(["migrate"]);
    for (const [name] of oneShots) {
      const waiting = Object.values(services).filter(
        (s) => s.depends_on?.[name]?.condition === "service_completed_successfully",
      );
      expect(waiting.length, name).toBeGreaterThan(0);
    }
  });

  it("mounts only files that exist", () => {
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(":")[0] ?? "";
        if (source.startsWith("./")) expect(existsSync(join(dockerDir, source)), name).toBe(true);
      }
    }
  });

  it("has Prometheus scrape the ports the server and the worker serve /metrics on", () => {
    expect(services.server?.environment?.METRICS_HOST).toBe("0.0.0.0");
    expect(services.worker?.environment?.METRICS_HOST).toBe("0.0.0.0");
    const prometheus = parse(read("observability/prometheus.yml")) as {
      scrape_configs: {
        job_name: string;
        metrics_path: string;
        static_configs?: { targets: string[] }[];
        dns_sd_configs?: { names: string[]; port: number }[];
      }[];
    };
    const job = (name: string) => prometheus.scrape_configs.find((j) => j.job_name === name);
    expect(job("tesseract-server")).toMatchObject({
      metrics_path: "/metrics",
      static_configs: [{ targets: [`server:${defaults.METRICS_PORT}`] }],
    });
    expect(job("tesseract-worker")).toMatchObject({
      metrics_path: "/metrics",
      dns_sd_configs: [{ names: ["worker"], port: defaults.WORKER_HEALTH_PORT }],
    });
    // Neither app's port is overridden in compose, so the schema's defaults are the ports.
    expect(services.server?.environment?.METRICS_PORT).toBeUndefined();
    expect(services.worker?.environment?.WORKER_HEALTH_PORT).toBeUndefined();
  });

  it("gives Grafana a dashboard over the provisioned Prometheus, on the apps' metric names", () => {
    const sources = parse(read("observability/grafana/datasources/datasources.yml")) as {
      datasources: { uid: string; type: string; url: string }[];
    };
    const prometheus = sources.datasources.find((d) => d.type === "prometheus");
    expect(prometheus?.url).toBe("http://prometheus:9090");
    expect(sources.datasources.find((d) => d.type === "jaeger")?.url).toBe("http://jaeger:16686");

    const dashboard = JSON.parse(read("observability/grafana/dashboards/tesseract.json")) as {
      uid: string;
      panels: { title: string; datasource: { uid: string }; targets: { expr: string }[] }[];
    };
    expect(dashboard.uid).toBe("tesseract-overview");
    const used = new Set<string>();
    for (const panel of dashboard.panels) {
      expect(panel.datasource.uid, panel.title).toBe(prometheus?.uid);
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const { expr } of panel.targets)
        for (const [name] of expr.matchAll(/tesseract_\w+/g)) used.add(name);
    }
    const known = METRICS.flatMap((m) => [m, `${m}_bucket`, `${m}_sum`, `${m}_count`]);
    expect([...used].filter((name) => !known.includes(name))).toEqual([]);
    // Every agreed series has a panel.
    expect(METRICS.filter((m) => ![...used].some((name) => name.startsWith(m)))).toEqual([]);
  });
});
