import { createServer, type Server } from "node:http";
import type { Metrics } from "./metrics.ts";

/**
 * The internal listener for Prometheus (`METRICS_HOST`:`METRICS_PORT`, loopback by default):
 * request counts, memory and uptime are for operators, never on the public API port.
 */
export function createMetricsServer(metrics: Metrics): Server {
  const server = createServer(
    { requestTimeout: 10_000, headersTimeout: 5_000, connectionsCheckingInterval: 1_000 },
    (req, res) => {
      const path = (req.url ?? "/").split("?", 1)[0];
      if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
        return;
      }
      const body = metrics.render();
      res
        .writeHead(200, {
          "content-type": "text/plain; version=0.0.4",
          "content-length": Buffer.byteLength(body),
        })
        .end(req.method === "HEAD" ? undefined : body);
    },
  );
  server.maxConnections = 64;
  return server;
}
