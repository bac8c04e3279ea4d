import type { ServerResponse } from "node:http";
import type { AppMetrics } from "./metrics.ts";

/** Writes the Prometheus exposition on an internal listener (the server's and the worker's). */
export function serveMetrics(metrics: AppMetrics, headOnly: boolean, res: ServerResponse): void {
  metrics.render().then(
    (body) => {
      res
        .writeHead(200, {
          "content-type": metrics.contentType,
          "content-length": Buffer.byteLength(body),
        })
        .end(headOnly ? undefined : body);
    },
    () => {
      res.writeHead(500, { "content-type": "text/plain" }).end("Metrics unavailable\n");
    },
  );
}
