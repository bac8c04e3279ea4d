/**
 * The e2e servers' addresses, shared by playwright.config.ts and the specs. Ports of their own,
 * so the suite never talks to (or collides with) a running `pnpm dev`.
 */
export const API_PORT = 4101;
export const WEB_PORT = 3101;
export const EMULATOR_PORT = 4599;
export const apiUrl = `http://127.0.0.1:${API_PORT}`;
export const webUrl = `http://127.0.0.1:${WEB_PORT}`;
