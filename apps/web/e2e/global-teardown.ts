import { rm } from "node:fs/promises";

/** Removes the API server's PGlite data directory that playwright.config.ts created for this run. */
export default async function globalTeardown(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- set by playwright.config.ts for this run
  const dataDir = process.env.TESSERACT_E2E_DATA_DIR;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
