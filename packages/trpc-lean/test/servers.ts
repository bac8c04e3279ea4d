import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import {
  createLeanHandler,
  unavailableResponseMeta,
  type LeanHandlerOptions,
} from "../src/index.ts";
import type { WirePair } from "../src/testing.ts";
import { probeContext, probeRouter } from "./probe-router.ts";

type Options = Partial<LeanHandlerOptions<typeof probeRouter>>;

export interface ProbePair extends WirePair {
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Two servers over the probe router with the same options: one on tRPC's stock handler, one on
 * the lean handler whose fallback is a second stock handler, counted. Stock gets the
 * `responseMeta` that adds the lean adapter's 503 Retry-After, unless the options bring their own.
 */
export async function startProbePair(options: Options = {}): Promise<ProbePair> {
  const shared = {
    router: probeRouter,
    basePath: "/trpc/",
    createContext: probeContext,
    maxBodySize: 2048,
    maxBatchSize: 10,
    ...options,
  };
  const stockOptions = { responseMeta: unavailableResponseMeta, ...shared };
  const counts = { lean: 0, stock: 0 };
  const stockHandler = createHTTPHandler(stockOptions);
  const fallback = createHTTPHandler(stockOptions);
  const lean = createLeanHandler({
    ...shared,
    fallback: (req, res) => {
      counts.stock++;
      fallback(req, res);
    },
  });
  const stockServer = createServer(stockHandler);
  const leanServer = createServer((req, res) => {
    const before = counts.stock;
    lean(req, res);
    if (counts.stock === before) counts.lean++;
  });
  const [stockUrl, leanUrl] = await Promise.all([listen(stockServer), listen(leanServer)]);
  return {
    stockUrl,
    leanUrl,
    counts: () => ({ ...counts }),
    close: async () => {
      for (const server of [stockServer, leanServer]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
