import path from "node:path";
import type { NextConfig } from "next";

// The pnpm workspace root: standalone output traces workspace dependencies from here.
const workspaceRoot = path.join(import.meta.dirname, "../..");

const nextConfig: NextConfig = {
  output: "standalone",
  outputFileTracingRoot: workspaceRoot,
  turbopack: { root: workspaceRoot },
  typedRoutes: true,
  // `pnpm typecheck` checks types as its own task (as create-t3-turbo does); skipping it here keeps
  // builds lean on small machines.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // Titles and descriptions go in the document's <head> for every client, not streamed into the
  // body after it: the pages that compute them await the same data before rendering anyway, so
  // blocking on them costs no time, and link previews, search and history get them.
  htmlLimitedBots: /.*/,
};

export default nextConfig;
