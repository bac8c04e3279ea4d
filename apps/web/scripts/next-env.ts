import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseEnv } from "node:util";

/** The repository root: the nearest folder at or above `start` holding pnpm-workspace.yaml. */
export function findWorkspaceRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The environment `next dev` / `next start` run with, and the port they listen on. Next reads
 * `.env` only from apps/web, and overwrites PORT with its own port; the API server reads the
 * repository's `.env` and treats PORT as its port. So, as the API server does, the root `.env`
 * fills in what the real environment leaves unset (it never overrides), then:
 * - WEB_PORT (default 3000) is the web app's port;
 * - API_URL defaults to the API server on this machine at PORT (default 4000);
 * - PUBLIC_URL defaults to http://localhost:<WEB_PORT>, as the API server's default does.
 * Blank values count as unset, as in the API server's configuration.
 */
export function nextProcessEnv(
  real: Record<string, string | undefined>,
  rootEnvFile: string | undefined,
): { env: Record<string, string>; port: string } {
  const fromFile =
    rootEnvFile && existsSync(rootEnvFile) ? parseEnv(readFileSync(rootEnvFile, "utf8")) : {};
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...fromFile, ...real })) {
    if (value !== undefined) merged[name] = value;
  }
  const set = (name: string) => (merged[name]?.trim() ? merged[name] : undefined);
  const port = set("WEB_PORT") ?? "3000";
  if (!/^\d{1,5}$/.test(port)) throw new Error(`WEB_PORT must be a port number, not "${port}"`);
  merged.API_URL = set("API_URL") ?? `http://127.0.0.1:${set("PORT") ?? "4000"}`;
  merged.PUBLIC_URL = set("PUBLIC_URL") ?? `http://localhost:${port}`;
  merged.WEB_PORT = port;
  return { env: merged, port };
}
