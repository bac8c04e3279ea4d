import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

/**
 * Builds and packs the SDK and the CLI once for the suite, then installs them as a user outside
 * the repository would, with plain npm: the SDK (and TypeScript, to check a script against it)
 * into a project in a temporary folder, the CLI with `npm i -g` under a temporary prefix.
 * npm prefers its cache, so a warm machine needs no network.
 *
 * The SDK's build empties and rewrites packages/client/build/types, so two builds at once corrupt
 * each other. Under turbo (which sets TURBO_HASH) this suite runs only after the client and CLI
 * builds of the same run (turbo.json), and packs what they built; run in this folder alone, it
 * builds both first.
 */

const exec = promisify(execFile);
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const npm = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];
/** npm's codes for a registry that could not be reached this time (a proxy's hiccup, say). */
const TRANSIENT =
  /\b(SELF_SIGNED_CERT_IN_CHAIN|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|ECONNREFUSED)\b/;

/** `npm install …`, tried again (up to three times in all) when the registry could not be reached. */
async function npmInstall(args: string[], cwd?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await exec("npm", ["install", ...npm, ...args], cwd === undefined ? {} : { cwd });
      return;
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? "";
      if (attempt >= 3 || !TRANSIENT.test(stderr)) throw error;
    }
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    outside: string;
    cliBin: string;
  }
}

async function pack(dir: string, into: string): Promise<string> {
  // eslint-disable-next-line no-restricted-properties -- turbo's own marker, not configuration
  if (process.env.TURBO_HASH === undefined)
    await exec("pnpm", ["run", "build"], { cwd: join(repo, dir) });
  await exec("pnpm", ["pack", "--pack-destination", into], { cwd: join(repo, dir) });
  const name = readdirSync(into).find((f) =>
    f.startsWith(dir.includes("cli") ? "tesseract-cli" : "tesseract-client"),
  );
  if (!name) throw new Error(`pnpm pack left no tarball for ${dir}`);
  return join(into, name);
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "tesseract-packed-"));
  const tarballs = join(root, "tarballs");
  mkdirSync(tarballs);
  const sdk = await pack("packages/client", tarballs);
  const cli = await pack("apps/cli", tarballs);

  const outside = join(root, "outside");
  mkdirSync(outside);
  writeFileSync(
    join(outside, "package.json"),
    JSON.stringify({ name: "outside", private: true, type: "module" }),
  );
  await npmInstall([sdk, "typescript@6.0.3"], outside);

  const prefix = join(root, "global");
  await npmInstall(["--global", "--prefix", prefix, cli]);

  project.provide("outside", outside);
  project.provide("cliBin", join(prefix, "bin", "tesseract"));
  return () => {
    rmSync(root, { recursive: true, force: true });
  };
}
