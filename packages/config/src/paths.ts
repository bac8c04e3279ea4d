import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the nearest folder above this package holding pnpm-workspace.yaml. */
export const workspaceRoot: string = findWorkspaceRoot(dirname(fileURLToPath(import.meta.url)));

function findWorkspaceRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    // Installed outside a workspace (e.g. a pruned Docker image): use the working directory.
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
