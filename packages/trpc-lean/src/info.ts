import type { IncomingMessage } from "node:http";
import type { AnyTRPCProcedure } from "@trpc/server";
import type { TRPCRequestInfo } from "@trpc/server/http";
import type { Inputs } from "./inputs.ts";
import type { LeanRequest } from "./request.ts";
import type { CallType } from "./response.ts";

/**
 * tRPC's `TRPCRequestInfo` for a request the lean adapter serves, as `createContext` gets it:
 * the same own enumerable keys as stock's. `url` is an own getter that parses on first use
 * (parseRequest already proved the Host and URL parse), defined with one shared descriptor:
 * an object literal with a getter costs about a microsecond per request, this a few dozen ns.
 */
class LeanRequestInfo {
  isBatchCall: boolean;
  // Requests asking for a streamed answer never reach the lean adapter.
  accept: null = null;
  calls: TRPCRequestInfo["calls"];
  type: CallType;
  // Requests with a connectionParams parameter go to the stock adapter.
  connectionParams: null = null;
  signal: AbortSignal;
  declare readonly url: URL;
  #req: IncomingMessage;
  #url: URL | undefined;

  constructor(
    req: IncomingMessage,
    request: LeanRequest,
    calls: (AnyTRPCProcedure | undefined)[],
    type: CallType,
    inputs: Inputs,
    signal: AbortSignal,
  ) {
    this.isBatchCall = request.isBatch;
    this.calls = request.paths.map((path, index) => ({
      batchIndex: index,
      path,
      procedure: calls[index] ?? null,
      getRawInput: () => inputs.read(index),
      result: () => inputs.result(index),
    }));
    this.type = type;
    this.signal = signal;
    this.#req = req;
    Object.defineProperty(this, "url", URL_PROPERTY);
  }

  static urlOf(info: LeanRequestInfo): URL {
    return (info.#url ??= new URL(info.#req.url!, `http://${info.#req.headers.host!}`));
  }
}

const URL_PROPERTY: PropertyDescriptor = {
  get(this: LeanRequestInfo) {
    return LeanRequestInfo.urlOf(this);
  },
  enumerable: true,
  configurable: true,
};

export function requestInfo(
  ...args: ConstructorParameters<typeof LeanRequestInfo>
): TRPCRequestInfo {
  return new LeanRequestInfo(...args);
}
