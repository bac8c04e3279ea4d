import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Collect = (options: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;

/**
 * Gives back the memory that start-up alone needed, once the server listens. Loading the
 * application's modules allocates in a burst that V8 reads as a busy program: it grows the
 * young generation to its maximum (about 33 MiB resident) and never shrinks it while the
 * server is idle, since its memory reducer only starts after a full collection that an idle
 * server never triggers. One memory-reducing collection (V8's "last resort", as under memory
 * pressure) frees that and start-up's garbage: idle RSS falls by 30–40 MiB (measured with
 * `pnpm --filter @tesseract/bench run startup`). It pauses the process for 100–300 ms, so it
 * runs once, a moment after the server is ready rather than on the way to ready. Under load
 * the young generation grows again as it always did.
 *
 * `gc` is taken from a fresh context after turning on --expose-gc, so the main global gains
 * no `gc` function.
 */
export function compactAfterStart(delayMs = 200): void {
  setTimeout(() => {
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as Collect;
    collect({ type: "major", execution: "sync", flavor: "last-resort" });
  }, delayMs).unref();
}
