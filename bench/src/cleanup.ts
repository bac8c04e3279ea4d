/** Teardown steps registered as resources are created, run last-in first-out exactly once. */
const steps: { name: string; run: () => Promise<void> }[] = [];
let running: Promise<void> | undefined;

export function defer(name: string, run: () => Promise<void>): void {
  steps.push({ name, run });
}

export function runCleanup(): Promise<void> {
  running ??= (async () => {
    for (const step of steps.reverse()) {
      try {
        await step.run();
      } catch (error) {
        process.stderr.write(`bench: cleanup "${step.name}" failed: ${String(error)}\n`);
      }
    }
  })();
  return running;
}

/** Ctrl-C / SIGTERM: tear everything down, then exit with the conventional signal status. */
export function cleanupOnSignals(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nbench: ${signal} received, cleaning up…\n`);
    void runCleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
}

/** A bench script's entry: runs `main`, reports a failure on stderr (exit code 1), then tears down. */
export async function runBench(log: (message: string) => void, main: () => Promise<void>) {
  try {
    await main();
  } catch (error) {
    process.exitCode = 1;
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    await runCleanup();
  }
}
