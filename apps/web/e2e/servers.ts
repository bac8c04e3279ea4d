/**
 * The e2e servers' addresses, shared by playwright.config.ts and the specs. Ports of their own,
 * so the suite never talks to (or collides with) a running `pnpm dev`; E2E_*_PORT moves them,
 * so two checkouts can run the suite side by side.
 */
function portFromEnv(name: string, fallback: number): number {
  // The harness is configured through its environment like any CLI tool (see playwright.config.ts).
  // eslint-disable-next-line no-restricted-properties
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 && value < 65_536 ? value : fallback;
}

export const API_PORT = portFromEnv("E2E_API_PORT", 4101);
export const WEB_PORT = portFromEnv("E2E_WEB_PORT", 3101);
export const EMULATOR_PORT = portFromEnv("E2E_EMULATOR_PORT", 4599);
export const apiUrl = `http://127.0.0.1:${API_PORT}`;
export const webUrl = `http://127.0.0.1:${WEB_PORT}`;
