import { createServer, type Server } from "node:http";
import { serveMetrics, type AppMetrics } from "@tesseract/telemetry";

/**
 * The internal listener for Prometheus (`METRICS_HOST`:`METRICS_PORT`, loopback by default):
 * request counts, latencies and process figures are for operators, never on the public port.
 */
export function createMetricsServer(metrics: AppMetrics): Server {
  const server = createServer(
    { requestTimeout: 10_000, headersTimeout: 5_000, connectionsCheckingInterval: 1_000 },
    (req, res) => {
      const path = (req.url ?? "/").split("?", 1)[0];
      if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
        return;
      }
      serveMetrics(metrics, req.method === "HEAD", res);
    },
  );
  server.maxConnections = 64;
  return server;
}
