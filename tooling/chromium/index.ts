/**
 * Debian's Chromium as the browser tests (Playwright's browsers and Lighthouse's) and the web
 * benchmarks in bench/ run it: one place for its path and its flags.
 */

// Configured through the environment like any CLI tool (CHROMIUM_PATH).
// eslint-disable-next-line no-restricted-properties
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The flags every browser of the suite runs Chromium with (Playwright's and Lighthouse's). */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
