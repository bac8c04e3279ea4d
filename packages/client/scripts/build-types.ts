/**
 * Bundles the SDK's declarations into dist/index.d.ts, self-contained: the router's types are
 * inlined from the workspace, so a project outside the monorepo resolves them with only the
 * SDK's own dependencies installed.
 *
 * 1. tsc emits declarations for src/ and every workspace file it reaches (tsconfig.types.json
 *    maps @tesseract/* to their sources, so they are emitted rather than treated as libraries).
 * 2. The router's declared type names its server-side context (database, Redis, S3 clients) in
 *    `$types.ctx`, which no client reads: it is replaced by `object`, so none of those packages'
 *    types are needed.
 * 3. rolldown-plugin-dts bundles and tree-shakes the declarations; what is left may import only
 *    the SDK's dependencies, which is checked.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rolldown } from "rolldown";
import { dts } from "rolldown-plugin-dts";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}build/types`;
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as {
  dependencies: Record<string, string>;
};

rmSync(out, { recursive: true, force: true });
execFileSync("tsc", ["-p", "tsconfig.types.json"], { cwd: root, stdio: "inherit" });

// Declarations keep their sources' `.ts` specifiers; name the `.js` the `.d.ts` files stand for.
for (const file of readdirSync(out, { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".d.ts")) continue;
  const text = readFileSync(`${out}/${file}`, "utf8");
  writeFileSync(`${out}/${file}`, text.replace(/(["']\.\.?\/[^"']*)\.ts(["'])/g, "$1.js$2"));
}

const routerFile = `${out}/api/src/root.d.ts`;
const serverContext = 'ctx: import("./context.js").Context;';
const router = readFileSync(routerFile, "utf8");
if (!router.includes(serverContext)) {
  throw new Error(`${routerFile} no longer declares "${serverContext}": update build-types.ts`);
}
writeFileSync(routerFile, router.replaceAll(serverContext, "ctx: object;"));

const allowed = Object.keys(pkg.dependencies);
const isDependency = (id: string) =>
  allowed.some((dep) => id === dep || id.startsWith(`${dep}/`)) || id.startsWith("node:");
// Every package outside the workspace stays an import; tree-shaking drops those no exported type
// needs, and the check below fails the build if one the SDK does not depend on survives.
const isExternal = (id: string) => !/^(@tesseract\/|\.|\/)/.test(id);
const bundle = await rolldown({
  input: { index: `${out}/client/src/index.d.ts` },
  plugins: [
    {
      // Workspace imports go to the declarations emitted in step 1, not the packages' sources.
      name: "workspace-declarations",
      resolveId: {
        order: "pre",
        handler(id) {
          const match = /^@tesseract\/([a-z-]+)(?:\/([a-z-]+))?$/.exec(id);
          return match ? `${out}/${match[1]}/src/${match[2] ?? "index"}.d.ts` : null;
        },
      },
    },
    dts({ dtsOnly: true }),
  ],
  external: isExternal,
  onLog(level, log) {
    if (level === "warn") throw new Error(`bundling the declarations: ${log.message}`);
  },
});
await bundle.write({ dir: `${root}dist`, format: "es", entryFileNames: "[name].ts" });

const bundled = readFileSync(`${root}dist/index.d.ts`, "utf8");
const imported = [...bundled.matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)].map((m) => m[1]!);
const stray = imported.filter((id) => !isDependency(id));
if (stray.length > 0 || bundled.includes("context.js")) {
  throw new Error(`dist/index.d.ts imports outside the SDK's dependencies: ${stray.join(", ")}`);
}
console.log(
  `dist/index.d.ts: ${Math.round(bundled.length / 1024)} KiB, imports ${[...new Set(imported)].join(", ")}`,
);
