import { checkHealth, type Services } from "@tesseract/api";
import { serveMetrics } from "@tesseract/telemetry";
import { createServer, type Server } from "node:http";

/**
 * The worker's internal listener (`METRICS_HOST`:`WORKER_HEALTH_PORT`): `/healthz` answers while
 * the process runs; `/readyz` checks the database and the queue, and fails while stopping;
 * `/metrics` is the Prometheus exposition (jobs, queue depth, outbox lag, pool, Node).
 */
export function createHealthServer(services: Services, stopping: () => boolean): Server {
  const server = createServer({ requestTimeout: 10_000, headersTimeout: 5_000 }, (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0];
    const send = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(body));
    };
    if (path === "/healthz") {
      send(200, { status: "ok" });
      return;
    }
    if (path === "/metrics" && (req.method === "GET" || req.method === "HEAD")) {
      serveMetrics(services.metrics, req.method === "HEAD", res);
      return;
    }
    if (path !== "/readyz") {
      send(404, { error: "not found" });
      return;
    }
    checkHealth(services, { showErrors: !services.config.isProduction }).then(
      (health) => {
        const needed = health.services.filter((s) => s.name === "database" || s.name === "queue");
        const ready = !stopping() && needed.every((s) => s.status === "ok");
        send(ready ? 200 : 503, {
          status: stopping() ? "shutting down" : ready ? "ok" : "degraded",
          services: needed,
        });
      },
      () => {
        send(503, { status: "down" });
      },
    );
  });
  server.maxConnections = 64;
  return server;
}
