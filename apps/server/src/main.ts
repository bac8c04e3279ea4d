import { parseArgs } from "node:util";
import { ConfigError, loadConfig, type Config } from "@tesseract/config";
import { compactAfterStart } from "./compact-after-start.ts";

// Diagnostics for the bench and for debugging: `--adapter stock` serves /trpc with tRPC's stock
// standalone handler only; `--runner trpc` keeps the lean adapter but calls procedures through
// tRPC's own middleware runner. Production reads neither.
const { values } = parseArgs({
  options: { adapter: { type: "string" }, runner: { type: "string" } },
  strict: true,
});
const adapter = oneOf("--adapter", values.adapter, ["lean", "stock"] as const);
const runner = oneOf("--runner", values.runner, ["lean", "trpc"] as const);

const config = configOrExit();
// The library instrumentations (pg, ioredis, the AWS SDK) patch modules as they load, so they
// go in before the application is imported, and only when tracing is on.
if (config.tracing.enabled) await import("@tesseract/telemetry/preload");
const { exitOnConfigError, exitOnSignals, startServer } = await import("./start.ts");
const server = await startServer(config, { adapter, runner }).catch(exitOnConfigError);
compactAfterStart();
exitOnSignals(server);

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]) {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  process.stderr.write(`${flag} must be one of ${allowed.join(", ")}, not "${value}"\n`);
  process.exit(2);
}
