import { initTRPC } from "@trpc/server";
import { describe, expect, it } from "vitest";
import {
  createLeanHandler,
  installedTrpcServerVersion,
  TESTED_TRPC_SERVER_VERSIONS,
  type NodeHandler,
  type VersionMismatch,
} from "../src/index.ts";

const t = initTRPC.create();
const router = t.router({ ping: t.procedure.query(() => "pong") });
const stock: NodeHandler = () => undefined;

function lean(trpcVersion?: string) {
  const mismatches: VersionMismatch[] = [];
  const handler = createLeanHandler({
    router,
    basePath: "/trpc/",
    fallback: stock,
    onVersionMismatch: (mismatch) => mismatches.push(mismatch),
    ...(trpcVersion === undefined ? {} : { trpcVersion }),
  });
  return { handler, mismatches };
}

describe("the lean adapter's tRPC version gate", () => {
  it("is tested on the installed @trpc/server", () => {
    expect(TESTED_TRPC_SERVER_VERSIONS).toContain(installedTrpcServerVersion());
    const { handler, mismatches } = lean();
    expect(handler).not.toBe(stock);
    expect(mismatches).toEqual([]);
  });

  it("steps aside for the fallback, and says why, on any other release", () => {
    const { handler, mismatches } = lean("11.25.2");
    expect(handler).toBe(stock);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({ installed: "11.25.2", tested: ["11.19.0"] });
    expect(mismatches[0]!.message).toContain("@trpc/server 11.25.2");
    expect(mismatches[0]!.message).toContain("stock adapter");
  });
});
