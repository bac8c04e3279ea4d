import { createRequire } from "node:module";

/**
 * The `@trpc/server` releases whose HTTP behaviour the lean adapter reproduces, byte for byte
 * (test/wire-compat.test.ts). The adapter reads tRPC internals (`router._def`, the procedure's
 * middleware list, the status and error-shape rules of `resolveResponse`), which change between
 * minor releases: 11.25 has a `pathSeparator` option, an `allow` header on 405, case-insensitive
 * content types and empty-body POSTs, 11.19 none of them. On any other release it steps aside for
 * the stock adapter and says so, until the suite has been run on that release and it is added
 * here.
 */
export const TESTED_TRPC_SERVER_VERSIONS: readonly string[] = ["11.19.0"];

/** The installed `@trpc/server` version, from its package.json (which it exports). */
export function installedTrpcServerVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@trpc/server/package.json") as { version: string }).version;
}
