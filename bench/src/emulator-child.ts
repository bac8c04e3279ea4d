import { fileURLToPath } from "node:url";
import { spawnNode } from "./child.ts";

export interface EmulatorChild {
  /** The endpoint for S3 and SQS clients. */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL("./emulator-process.ts", import.meta.url));
const START_TIMEOUT_MS = 30_000;

/** Starts `emulator-process.ts` and resolves once it listens. */
export async function startEmulatorChild(): Promise<EmulatorChild> {
  let announced: (url: string) => void;
  const url = new Promise<string>((resolve) => (announced = resolve));
  const child = spawnNode(script, {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: {},
    onLine: (line) => {
      if (line.startsWith("http://")) announced(line.trim());
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const failed = Promise.race([
    child.exited.then(() => {
      throw new Error(`the emulator exited before it listened:\n${child.output()}`);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`the emulator did not listen within ${START_TIMEOUT_MS} ms`));
      }, START_TIMEOUT_MS);
    }),
  ]);
  try {
    return { url: await Promise.race([url, failed]), pid: child.pid, stop: () => child.stop() };
  } catch (error) {
    await child.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
