import type { ServerResponse } from "node:http";
import superjson from "superjson";

// JSON-RPC codes tRPC uses, so tRPC clients read our own refusals like any other error.
const RPC_CODES: Record<string, number> = {
  BAD_REQUEST: -32600,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  METHOD_NOT_SUPPORTED: -32005,
  UNSUPPORTED_MEDIA_TYPE: -32015,
  SERVICE_UNAVAILABLE: -32603,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res
    .writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(payload),
    })
    .end(payload);
}

/** An error in the tRPC wire shape (superjson-encoded), for refusals made before tRPC runs. */
export function sendTrpcError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  path?: string,
): void {
  const error = {
    message,
    code: RPC_CODES[code] ?? -32600,
    data: { code, httpStatus: status, ...(path ? { path } : {}) },
  };
  sendJson(res, status, { error: superjson.serialize(error) });
}
