import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/**
 * First-load JavaScript of each page in a production build, read from what `next build` wrote:
 * the scripts every page loads (build-manifest.json's rootMainFiles) plus the chunks its layouts,
 * templates and page need before they hydrate (the entryJSFiles of the page's client reference
 * manifest). Sizes are gzip level 9, the way a server compresses static files. Chunks fetched
 * later (lazy imports) are not part of it, and neither are the legacy polyfills, which only
 * browsers without ES modules download (`<script nomodule>`).
 */
export interface RouteJs {
  /** The route as the app router names it: "/orgs/[orgId]/projects/[key]". */
  route: string;
  files: string[];
  /** Sum of the gzipped sizes, in bytes. */
  gzipBytes: number;
}

interface ClientReferenceManifest {
  entryJSFiles: Record<string, string[]>;
}

const gzipCache = new Map<string, number>();

function gzipSize(nextDir: string, file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(nextDir, file)), { level: 9 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

function manifestsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(`page_client-reference-manifest.js`))
    .map((file) => join(dir, file));
}

/** "(app)/orgs/[orgId]/page_client-reference-manifest.js" → "/orgs/[orgId]". */
function routeOf(appDir: string, manifestPath: string): string {
  const segments = relative(appDir, manifestPath)
    .split(sep)
    .slice(0, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

export function firstLoadJs(nextDir: string): RouteJs[] {
  const build = JSON.parse(readFileSync(join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const appDir = join(nextDir, "server", "app");
  return manifestsUnder(appDir)
    .map((manifestPath) => {
      // The manifest is a script that assigns globalThis.__RSC_MANIFEST[page]; run it apart.
      const sandbox: { globalThis?: unknown; self?: unknown; __RSC_MANIFEST?: unknown } = {};
      sandbox.globalThis = sandbox;
      sandbox.self = sandbox;
      runInNewContext(readFileSync(manifestPath, "utf8"), sandbox);
      const manifests = Object.values(
        sandbox.__RSC_MANIFEST as Record<string, ClientReferenceManifest>,
      );
      const files = new Set(build.rootMainFiles);
      for (const manifest of manifests)
        for (const chunks of Object.values(manifest.entryJSFiles))
          for (const chunk of chunks) files.add(chunk);
      const list = [...files];
      return {
        route: routeOf(appDir, manifestPath),
        files: list,
        gzipBytes: list.reduce((sum, file) => sum + gzipSize(nextDir, file), 0),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
