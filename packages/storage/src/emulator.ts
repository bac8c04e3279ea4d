import { loadEmbeddedModule } from "@tesseract/config";
import type { FastifyReply, FastifyRequest } from "fastify";

export interface AwsEmulator {
  /** http://127.0.0.1:<port> — use as the S3 and SQS endpoint (S3 with forcePathStyle). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface AwsEmulatorOptions {
  port: number;
  /** Browser origins allowed to call it directly (presigned uploads from the web app). */
  allowedOrigins: string[];
}

/**
 * Starts the in-process S3 + SQS emulator used by the embedded mode and the tests, bound to
 * loopback only. It checks no signatures, expiries, sizes or content types: the application
 * verifies uploads itself (HEAD) before trusting them.
 */
export async function startAwsEmulator(options: AwsEmulatorOptions): Promise<AwsEmulator> {
  // A development dependency: production installs leave it out (see loadEmbeddedModule).
  const { buildApp } = await loadEmbeddedModule(() => import("fauxqs"), {
    name: "fauxqs",
    role: "the in-process S3/SQS emulator",
    variable: "AWS_ENDPOINT_URL",
  });
  const app = buildApp({ logger: false, host: "127.0.0.1" });
  const allowed = new Set(options.allowedOrigins);
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    void reply.header("access-control-allow-origin", origin).header("vary", "Origin");
    if (request.method === "OPTIONS") {
      await reply
        .header("access-control-allow-methods", "GET, PUT, POST, HEAD, DELETE")
        .header(
          "access-control-allow-headers",
          request.headers["access-control-request-headers"] ?? "*",
        )
        .header("access-control-max-age", "600")
        .code(204)
        .send();
    }
  });
  // S3 answers a presigned GET with the Content-Disposition and Content-Type its query names
  // (response-content-disposition, signed into the URL); the emulator ignores them, so this
  // does it, for downloads in the embedded mode to behave as they will on S3.
  app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.method !== "GET" || reply.statusCode >= 300) return payload;
    const query = new URL(request.url, "http://emulator").searchParams;
    const disposition = query.get("response-content-disposition");
    const type = query.get("response-content-type");
    if (disposition) void reply.header("content-disposition", disposition);
    if (type) void reply.header("content-type", type);
    return payload;
  });
  const address = await app.listen({ port: options.port, host: "127.0.0.1" });
  const port = Number(new URL(address).port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => app.close(),
  };
}
