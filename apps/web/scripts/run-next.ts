// `pnpm dev` / `pnpm start` for the web app: `node scripts/run-next.ts dev|start`. Runs Next with
// the repository's .env and the documented ports (see next-env.ts), and passes signals on so that
// stopping the task stops Next.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { findWorkspaceRoot, nextProcessEnv } from "./next-env.ts";

const command = process.argv[2];
if (command !== "dev" && command !== "start") {
  process.stderr.write("usage: node scripts/run-next.ts dev|start [next options]\n");
  process.exit(2);
}
const root = findWorkspaceRoot(process.cwd());
// eslint-disable-next-line no-restricted-properties -- the launcher hands the environment to Next
const { env, port } = nextProcessEnv(process.env, root && join(root, ".env"));
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, command, "-p", port, ...process.argv.slice(3)], {
  // Next's types require NODE_ENV in a ProcessEnv; Next itself sets it when it is missing.
  env: env as NodeJS.ProcessEnv,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
