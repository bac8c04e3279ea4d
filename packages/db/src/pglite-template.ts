import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Kysely, PGliteDialect } from "kysely";
import { migrateToLatest } from "./migrate.ts";

/*
 * A fresh PGlite data directory costs an initdb: ~5 s on an idle machine, several times that on a
 * busy one. `pnpm build` (and so `pnpm start`, and `pnpm dev` through turbo's ^build) makes one
 * migrated data directory; a new embedded database starts as a plain file copy of it (a fraction
 * of a second) and then opens like any existing one. Migrations still run after the copy, so a
 * template older than the migrations is only slower, never wrong. The folder name carries
 * PGlite's version: another release's data directory is never used.
 */

const require = createRequire(import.meta.url);

function pgliteVersion(): string {
  let dir = dirname(require.resolve("@electric-sql/pglite"));
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string })
    .version;
}

/** Where the template lives: beside this package, ignored by git, restored by turbo's cache. */
export function pgliteTemplateDir(): string {
  const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
  return join(packageDir, ".cache", `pglite-${pgliteVersion()}`);
}

const isDataDir = (dir: string) => existsSync(join(dir, "PG_VERSION"));

/**
 * Fills the new data directory `target` (missing or empty) from the template. Returns false,
 * touching nothing, when no template was built.
 */
export function copyPgliteTemplate(
  target: string,
  template: string = pgliteTemplateDir(),
): boolean {
  if (!isDataDir(template)) return false;
  // Copied aside and renamed, so an interrupted copy never looks like a data directory.
  const partial = `${target}.${process.pid}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(template, partial, { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(partial, target);
  return true;
}

/** Initialises a PGlite data directory at `dir`, migrates it and closes it cleanly. */
export async function writePgliteTemplate(dir: string = pgliteTemplateDir()): Promise<string> {
  const { PGlite } = await import("@electric-sql/pglite");
  const partial = `${dir}.${process.pid}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(dirname(partial), { recursive: true });
  const pglite = await PGlite.create(partial);
  const db = new Kysely({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(partial, dir);
  } catch (error) {
    // Another build wrote it at the same moment: keep theirs.
    rmSync(partial, { recursive: true, force: true });
    if (!isDataDir(dir)) throw error;
  }
  return dir;
}
