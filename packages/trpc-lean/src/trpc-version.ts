import { createRequire } from "node:module";

/**
 * The `@trpc/server` releases whose HTTP behaviour the lean adapter reproduces, byte for byte
 * (test/wire-compat.test.ts). The adapter reads tRPC internals (test/internals.test.ts names
 * them), which change between minor releases: 11.25 has a `pathSeparator` option, an `allow`
 * header on 405, case-insensitive content types and empty-body POSTs, 11.19 none of them. On any
 * other release it steps aside for the stock adapter and says so, until the suite has been run
 * on that release and it is added here.
 */
export const TESTED_TRPC_SERVER_VERSIONS: readonly string[] = ["11.19.0"];

/** What `onVersionMismatch` is told when the installed release is not a tested one. */
export interface VersionMismatch {
  installed: string;
  tested: readonly string[];
  message: string;
}

/** The installed `@trpc/server` version, from its package.json (which it exports). */
export function installedTrpcServerVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@trpc/server/package.json") as { version: string }).version;
}

/** Undefined when `installed` is a tested release; what is wrong otherwise. */
export function checkTrpcVersion(installed: string): VersionMismatch | undefined {
  if (TESTED_TRPC_SERVER_VERSIONS.includes(installed)) return undefined;
  const tested = TESTED_TRPC_SERVER_VERSIONS;
  return {
    installed,
    tested,
    message:
      `@trpc/server ${installed} is not a release the lean adapter was tested on ` +
      `(${tested.join(", ")}); serving every request with the stock adapter`,
  };
}
