/**
 * The baseline: raw node:http answering every GET with a body shaped like the system.info
 * response (superjson envelope included), built per request as the real procedure does.
 * Run as its own process by start-server.ts; it reports its URL over IPC and exits when
 * the parent goes away.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const startedAt = new Date();

function infoBody(): string {
  return JSON.stringify({
    result: {
      data: {
        json: {
          name: "Tesseract",
          version: "0.1.0",
          mode: "services",
          environment: "production",
          uptimeSeconds: Math.floor((Date.now() - startedAt.getTime()) / 1000),
          node: process.version,
          startedAt: startedAt.toISOString(),
        },
        meta: { values: { startedAt: ["Date"] }, v: 1 },
      },
    },
  });
}

const server = createServer((req, res) => {
  if (req.method !== "GET") {
    res.writeHead(405, { allow: "GET", "content-length": 0 }).end();
    return;
  }
  const body = infoBody();
  res
    .writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    })
    .end(body);
});
server.keepAliveTimeout = 5_000;

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});

process.on("disconnect", () => {
  server.close();
  process.exit(0);
});
