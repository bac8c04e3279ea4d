import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@tesseract/config";
import { spawnNode } from "./child.ts";
import { defer } from "./cleanup.ts";
import { seedFixtures, type Fixtures } from "./seed.ts";
import { prepareServicesMode } from "./services.ts";
import { startApiServer } from "./start-server.ts";

const webDir = fileURLToPath(new URL("../../apps/web/", import.meta.url));

/** `next start` on apps/web's production build, against the API at apiUrl; returns its URL. */
export async function startWeb(apiUrl: string): Promise<string> {
  if (!existsSync(join(webDir, ".next", "BUILD_ID")))
    throw new Error("no production build of apps/web: run pnpm --filter @tesseract/web build");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnNode("node_modules/next/dist/bin/next", {
    cwd: webDir,
    env: { NODE_ENV: "production", API_URL: apiUrl, PUBLIC_URL: url },
    args: ["start", "-p", String(port), "-H", "127.0.0.1"],
  });
  defer("stop web server", () => child.stop());
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      return url;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`web server not ready:\n${child.output()}`);
}

/**
 * The browser benches' app: services mode, the API server (stopped at clean-up) seeded with the
 * bench fixtures, and `next start` against it. Returns the web server's URL and the fixtures.
 */
export async function startSeededWeb(
  log: (message: string) => void,
): Promise<{ web: string; fixtures: Fixtures }> {
  log("preparing services mode and the API server");
  const services = await prepareServicesMode();
  const api = await startApiServer(services.env, "warn");
  defer("stop API server", () => api.stop());
  const fixtures = await seedFixtures(api.url, services.database);
  const web = await startWeb(api.url);
  log(`web at ${web}`);
  return { web, fixtures };
}
