/**
 * The `paths` that map each workspace package the SDK reaches to its TypeScript sources, so tsc
 * emits their declarations instead of treating them as libraries. Generated, never listed by
 * hand: the packages are those the SDK's sources import (`@tesseract/api`, `…/validators`) and,
 * transitively, every workspace package in their `dependencies`, each found through the
 * workspace link pnpm made and mapped entry by entry from its `exports`.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SCOPE = "@tesseract/";
const clientRoot = fileURLToPath(new URL("..", import.meta.url));

interface Manifest {
  name: string;
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;

/** The workspace packages the SDK's own sources import. */
function importedBySources(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(join(clientRoot, "src"), { recursive: true })) {
    if (!String(file).endsWith(".ts")) continue;
    const text = readFileSync(join(clientRoot, "src", String(file)), "utf8");
    for (const [, name] of text.matchAll(/from\s+["'](@tesseract\/[a-z-]+)/g)) names.add(name!);
  }
  return [...names].sort();
}

/** Each workspace package the SDK reaches, by name, with the directory it lives in. */
export function reachedPackages(): Map<string, string> {
  const reached = new Map<string, string>();
  const visit = (name: string, from: string) => {
    if (reached.has(name)) return;
    const link = join(from, "node_modules", name);
    if (!existsSync(link)) throw new Error(`${name} is not linked into ${from}`);
    const dir = realpathSync(link);
    reached.set(name, dir);
    for (const dep of Object.keys(manifest(dir).dependencies ?? {})) {
      if (dep.startsWith(SCOPE)) visit(dep, dir);
    }
  };
  for (const name of importedBySources()) visit(name, clientRoot);
  return reached;
}

/** `paths` for tsc: every entry of every reached package's `exports`, to its source file. */
export function workspacePaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const [name, dir] of reachedPackages()) {
    const { exports = {} } = manifest(dir);
    for (const [entry, target] of Object.entries(exports)) {
      const file = typeof target === "string" ? target : (target.types ?? target.default);
      if (!file?.endsWith(".ts"))
        throw new Error(`${name} exports "${entry}" as ${file}, not a source`);
      paths[entry === "." ? name : `${name}/${entry.slice(2)}`] = [join(dir, file)];
    }
  }
  return paths;
}
