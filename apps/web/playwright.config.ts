import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumPath } from "@tesseract/chromium-config";
import { API_PORT, apiUrl, EMULATOR_PORT, WEB_PORT, webUrl } from "./e2e/servers.ts";

// The test harness is configured through the environment like any CLI tool; the web app itself
// still reads it only in src/env.ts.
/* eslint-disable no-restricted-properties */
const webDev = process.env.E2E_WEB_DEV === "1";
// Playwright evaluates this file again in every worker; the variable makes them all agree on the
// one data directory the main process created (and global-teardown.ts removes).
process.env.TESSERACT_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "tesseract-web-e2e-"));
const dataDir = process.env.TESSERACT_E2E_DATA_DIR;
/* eslint-enable no-restricted-properties */

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Liveness bounds, not speed assertions: every step waits on what the page shows, and on a
  // busy 2-core machine a production build answering a first request can take seconds.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: webUrl,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: [
    {
      name: "api",
      // The preload says which Node to install when this one cannot run .ts files.
      command: "node --import ../server/src/require-node.js ../server/src/main.ts",
      url: `${apiUrl}/readyz`,
      // A fresh PGlite data directory takes about 5 s to initialise on an idle machine, and over
      // 90 s on a loaded 2-core one (measured): the limit only guards against a hang.
      timeout: 240_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: {
        // Not production: the browser tests follow emailed links through the development inbox
        // (dev.inbox), which the API keeps only outside production and without SMTP_URL.
        NODE_ENV: "test",
        SMTP_URL: "",
        HOST: "127.0.0.1",
        PORT: String(API_PORT),
        // No internal metrics listener: its default port could collide with a running server.
        METRICS_PORT: "0",
        PUBLIC_URL: webUrl,
        CORS_ORIGINS: webUrl,
        DATA_DIR: dataDir,
        EMULATOR_PORT: String(EMULATOR_PORT),
        // Empty counts as unset: force the embedded mode even if the caller's environment or the
        // repository's .env names real services.
        DATABASE_URL: "",
        REDIS_URL: "",
        AWS_ENDPOINT_URL: "",
        AWS_ACCESS_KEY_ID: "",
        AWS_SECRET_ACCESS_KEY: "",
      },
    },
    {
      name: "web",
      // Not plain `next`: node_modules/.bin is on PATH only under `pnpm test:e2e`. E2E_WEB_DEV=1
      // runs `next dev` instead, for debugging: development React names the element behind a
      // hydration mismatch (prefetch and bundle tests do not hold there).
      command: `./node_modules/.bin/next ${webDev ? "dev" : "start"} -p ${WEB_PORT} -H 127.0.0.1`,
      // A development server compiles each route on its first request.
      timeout: webDev ? 300_000 : 60_000,
      url: webUrl,
      reuseExistingServer: false,
      env: { API_URL: apiUrl, PUBLIC_URL: webUrl },
    },
  ],
});
