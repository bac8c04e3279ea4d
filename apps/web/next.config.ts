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
  // `next dev` serves its scripts and HMR socket only to localhost unless told otherwise, so a
  // page opened at http://127.0.0.1:3000 rendered but never hydrated. Development only: Next
  // ignores this in a production server. The API accepts the same alias (packages/config).
  allowedDevOrigins: ["127.0.0.1"],
  reactStrictMode: true,
  // Titles and descriptions go in the document's <head> for every client, not streamed into the
  // body after it: the pages that compute them await the same data before rendering anyway, so
  // blocking on them costs no time, and link previews, search and history get them.
  htmlLimitedBots: /.*/,
};

export default nextConfig;
