import { initTRPC } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createLeanHandler, type NodeHandler } from "../src/lean/handler.ts";
import {
  installedTrpcServerVersion,
  TESTED_TRPC_SERVER_VERSIONS,
} from "../src/lean/trpc-version.ts";

const t = initTRPC.create();
const router = t.router({ ping: t.procedure.query(() => "pong") });
const stock: NodeHandler = () => undefined;

function lean(trpcVersion?: string) {
  const reasons: string[] = [];
  const handler = createLeanHandler({
    router,
    basePath: "/trpc/",
    createContext: () => ({}),
    maxBodySize: undefined,
    maxBatchSize: undefined,
    stock,
    onFallback: (reason) => reasons.push(reason),
    ...(trpcVersion === undefined ? {} : { trpcVersion }),
  });
  return { handler, reasons };
}

describe("the lean adapter's tRPC version gate", () => {
  it("is tested on the installed @trpc/server", () => {
    expect(TESTED_TRPC_SERVER_VERSIONS).toContain(installedTrpcServerVersion());
    const { handler, reasons } = lean();
    expect(handler).not.toBe(stock);
    expect(reasons).toEqual([]);
  });

  it("steps aside for the stock adapter, and says why, on any other release", () => {
    const { handler, reasons } = lean("11.25.2");
    expect(handler).toBe(stock);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain("@trpc/server 11.25.2");
    expect(reasons[0]).toContain("stock adapter");
  });
});
