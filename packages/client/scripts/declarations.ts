/**
 * Bundles the SDK's declarations into dist/index.d.ts, self-contained: the router's types are
 * inlined from the workspace, so a project outside the monorepo resolves them with only the
 * SDK's own dependencies installed.
 *
 * 1. tsc emits declarations for src/ and every workspace file it reaches (workspace-paths.ts
 *    maps each @tesseract/* package the SDK reaches to its sources, so they are emitted rather
 *    than treated as libraries).
 * 2. The router's declared type names its server-side context (database, Redis, S3 clients) in
 *    `$types.ctx`, which no client reads: it is replaced by `object`, so none of those packages'
 *    types are needed.
 * 3. rolldown-plugin-dts bundles and tree-shakes the declarations; what is left may import only
 *    the SDK's dependencies, which is checked.
 */
import { readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { rolldown } from "rolldown";
import { dts } from "rolldown-plugin-dts";
import ts from "typescript";
import { workspacePaths } from "./workspace-paths.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
/** tsconfig.types.json's rootDir: the emitted tree mirrors the workspace's packages/ folder. */
const packagesDir = join(root, "..");
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as {
  dependencies: Record<string, string>;
};

export interface DeclarationOptions {
  /** Where the emitted declarations go (default build/types). */
  workDir?: string;
  /** Where index.d.ts is written (default dist). */
  distDir?: string;
  /** Source files read with other contents (by real path): tests make breaking changes so. */
  overlay?: ReadonlyMap<string, string>;
}

/** Steps 1–3 above; returns the bundled file's path. */
export async function bundleDeclarations(options: DeclarationOptions = {}): Promise<string> {
  const out = options.workDir ?? `${root}build/types`;
  const distDir = options.distDir ?? `${root}dist`;
  rmSync(out, { recursive: true, force: true });
  const paths = workspacePaths();
  emitDeclarations(out, paths, options.overlay);
  rewriteSpecifiers(out);
  eraseServerContext(out);
  await bundle(out, distDir, paths);
  return checkImports(`${distDir}/index.d.ts`);
}

function emitDeclarations(
  out: string,
  paths: Record<string, string[]>,
  overlay?: ReadonlyMap<string, string>,
): void {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${root}tsconfig.types.json`,
    { outDir: out, paths },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("cannot read tsconfig.types.json");
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => overlay?.get(realpathSync(name)) ?? readFile(name);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const result = program.emit(undefined, undefined, undefined, true);
  // A changed schema may well break the server's own code; its declarations are still emitted.
  const errors = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (!overlay && errors.length > 0) {
    throw new Error(
      ts.formatDiagnostics(errors, {
        ...host,
        getNewLine: () => "\n",
        getCanonicalFileName: (f) => f,
      }),
    );
  }
}

/** Declarations keep their sources' `.ts` specifiers; name the `.js` the `.d.ts` files stand for. */
function rewriteSpecifiers(out: string): void {
  for (const file of readdirSync(out, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".d.ts")) continue;
    const text = readFileSync(`${out}/${file}`, "utf8");
    writeFileSync(`${out}/${file}`, text.replace(/(["']\.\.?\/[^"']*)\.ts(["'])/g, "$1.js$2"));
  }
}

function eraseServerContext(out: string): void {
  const routerFile = `${out}/api/src/root.d.ts`;
  const serverContext = 'ctx: import("./context.js").Context;';
  const router = readFileSync(routerFile, "utf8");
  if (!router.includes(serverContext)) {
    throw new Error(`${routerFile} no longer declares "${serverContext}": update declarations.ts`);
  }
  writeFileSync(routerFile, router.replaceAll(serverContext, "ctx: object;"));
}

const isDependency = (id: string) =>
  Object.keys(pkg.dependencies).some((dep) => id === dep || id.startsWith(`${dep}/`)) ||
  id.startsWith("node:");

async function bundle(
  out: string,
  distDir: string,
  paths: Record<string, string[]>,
): Promise<void> {
  const build = await rolldown({
    input: { index: `${out}/client/src/index.d.ts` },
    plugins: [
      {
        // Workspace imports go to the declarations emitted in step 1, not the packages' sources.
        name: "workspace-declarations",
        resolveId: {
          order: "pre",
          handler(id) {
            const source = paths[id]?.[0];
            return source
              ? join(out, relative(packagesDir, source)).replace(/\.ts$/, ".d.ts")
              : null;
          },
        },
      },
      dts({ dtsOnly: true }),
    ],
    // Every package outside the workspace stays an import; tree-shaking drops those no exported
    // type needs, and checkImports fails the build if one the SDK does not depend on survives.
    external: (id) => !/^(@tesseract\/|\.|\/)/.test(id),
    onLog(level, log) {
      if (level === "warn") throw new Error(`bundling the declarations: ${log.message}`);
    },
  });
  await build.write({ dir: distDir, format: "es", entryFileNames: "[name].ts" });
}

function checkImports(file: string): string {
  const bundled = readFileSync(file, "utf8");
  const imported = [...bundled.matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  const stray = imported.filter((id) => !isDependency(id));
  if (stray.length > 0 || bundled.includes("context.js")) {
    throw new Error(`${file} imports outside the SDK's dependencies: ${stray.join(", ")}`);
  }
  console.log(
    `${file}: ${Math.round(bundled.length / 1024)} KiB, imports ${[...new Set(imported)].join(", ")}`,
  );
  return file;
}
