/**
 * `pnpm --filter @tesseract/bench run startup`: the API server's start-up alone (services
 * mode, as `pnpm bench` measures it), started `--runs` times one after another; prints each
 * run's time to ready and idle RSS and their medians. `--loads` adds the modules each start
 * loaded that are worth a look (the suspects of a start-up regression).
 */
import { parseArgs } from "node:util";
import { cleanupOnSignals, defer, runCleanup } from "./cleanup.ts";
import { readCpuMs, readMemory } from "./rss.ts";
import { prepareServicesMode } from "./services.ts";
import { startApiServer } from "./start-server.ts";

const IDLE_SETTLE_MS = 1_000;
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { runs: { type: "string", default: "5" }, "node-args": { type: "string" } },
});
const runs = Math.max(1, Number(values.runs));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  cleanupOnSignals();
  const services = await prepareServicesMode();
  const ready: number[] = [];
  const rss: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startApiServer(services.env, "warn", {
      execArgv: values["node-args"] ? values["node-args"].split(" ") : [],
    });
    defer(`stop API server (${i})`, () => server.stop());
    // CPU time to ready is much less sensitive to other work on the machine than wall time.
    const cpuMs = readCpuMs(server.pid);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
    const memory = readMemory(server.pid);
    await server.stop();
    ready.push(server.timeToReadyMs);
    rss.push(memory.rssMiB);
    cpu.push(cpuMs);
    process.stdout.write(
      `run ${i + 1}: ready in ${Math.round(server.timeToReadyMs)} ms (${Math.round(cpuMs)} ms CPU), idle RSS ${memory.rssMiB} MiB\n`,
    );
  }
  process.stdout.write(
    `median of ${runs}: ready in ${Math.round(median(ready))} ms (${Math.round(median(cpu))} ms CPU), idle RSS ${median(rss)} MiB\n`,
  );
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
} finally {
  await runCleanup();
}
