import { parseArgs } from "node:util";
import { exitOnConfigError, exitOnSignals, loadConfigOrExit, startServer } from "./start.ts";

// Diagnostics for the bench and for debugging: `--adapter stock` serves /trpc with tRPC's stock
// standalone handler only; `--runner trpc` keeps the lean adapter but calls procedures through
// tRPC's own middleware runner. Production reads neither.
const { values } = parseArgs({
  options: { adapter: { type: "string" }, runner: { type: "string" } },
  strict: true,
});
const adapter = oneOf("--adapter", values.adapter, ["lean", "stock"] as const);
const runner = oneOf("--runner", values.runner, ["lean", "trpc"] as const);

const server = await startServer(loadConfigOrExit(), { adapter, runner }).catch(exitOnConfigError);
exitOnSignals(server);

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]) {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  process.stderr.write(`${flag} must be one of ${allowed.join(", ")}, not "${value}"\n`);
  process.exit(2);
}
