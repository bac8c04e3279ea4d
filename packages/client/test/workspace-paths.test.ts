import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reachedPackages, workspacePaths } from "../scripts/workspace-paths.ts";

const repo = fileURLToPath(new URL("../../..", import.meta.url));

/** Every package of the workspace by name, read from pnpm-workspace.yaml's globs. */
function workspacePackages(): Map<string, string> {
  const yaml = readFileSync(join(repo, "pnpm-workspace.yaml"), "utf8");
  // The `packages:` list: its "  - <glob>" lines, up to the next top-level key.
  const list = /^packages:\n((?:\s+-\s+\S+\n)+)/m.exec(yaml)![1]!;
  const globs = [...list.matchAll(/-\s+(\S+)/g)].map((match) => match[1]!);
  const dirs = globs.flatMap((glob) =>
    glob.endsWith("/*")
      ? readdirSync(join(repo, glob.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(repo, glob.slice(0, -2), entry.name))
      : [join(repo, glob)],
  );
  return new Map(
    dirs
      .filter((dir) => existsSync(join(dir, "package.json")))
      .map((dir) => [
        (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string }).name,
        dir,
      ]),
  );
}

const dependenciesOf = (dir: string): string[] =>
  Object.keys(
    (
      JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
      }
    ).dependencies ?? {},
  );

describe("the SDK's workspace paths (generated for its declaration build)", () => {
  it("map every workspace package the API reaches, found independently from pnpm-workspace.yaml", () => {
    const workspace = workspacePackages();
    const closure = new Set<string>();
    const walk = (name: string) => {
      if (closure.has(name) || !workspace.has(name)) return;
      closure.add(name);
      for (const dep of dependenciesOf(workspace.get(name)!)) walk(dep);
    };
    walk("@tesseract/api");
    walk("@tesseract/validators");
    expect(closure.size).toBeGreaterThan(5);
    const reached = reachedPackages();
    expect([...reached.keys()].sort()).toEqual([...closure].sort());
    for (const [name, dir] of reached) expect(dir, name).toBe(workspace.get(name));
  });

  it("name each package's every export, at a source file inside packages/ (tsc's rootDir)", () => {
    const paths = workspacePaths();
    for (const [name, dir] of reachedPackages()) {
      const exports = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).exports as object;
      for (const entry of Object.keys(exports)) {
        const specifier = entry === "." ? name : `${name}/${entry.slice(2)}`;
        const [source] = paths[specifier] ?? [];
        expect(source, specifier).toBeDefined();
        expect(existsSync(source!), source).toBe(true);
        expect(relative(join(repo, "packages"), dirname(source!)).startsWith(".."), source).toBe(
          false,
        );
      }
    }
  });
});
