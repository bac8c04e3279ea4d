import type { IncomingMessage } from "node:http";
import type { AnyTRPCProcedure } from "@trpc/server";
import type { TRPCRequestInfo } from "@trpc/server/http";
import type { Inputs } from "./inputs.ts";
import type { LeanRequest } from "./request.ts";
import type { CallType } from "./response.ts";

/** tRPC's `TRPCRequestInfo` for a request the lean adapter serves, as `createContext` gets it. */
export function requestInfo(
  req: IncomingMessage,
  request: LeanRequest,
  calls: (AnyTRPCProcedure | undefined)[],
  type: CallType,
  inputs: Inputs,
  signal: AbortSignal,
): TRPCRequestInfo {
  let url: URL | undefined;
  return {
    isBatchCall: request.isBatch,
    // Requests asking for a streamed answer never reach the lean adapter.
    accept: null,
    calls: request.paths.map((path, index) => ({
      batchIndex: index,
      path,
      procedure: calls[index] ?? null,
      getRawInput: () => inputs.read(index),
      result: () => inputs.result(index),
    })),
    type,
    // Requests with a connectionParams parameter go to the stock adapter.
    connectionParams: null,
    signal,
    // Built on first use: parseRequest already proved the Host and URL parse.
    get url() {
      return (url ??= new URL(req.url!, `http://${req.headers.host!}`));
    },
  };
}
