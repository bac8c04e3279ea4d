/**
 * Turns single calls into batched ones by group commit: a call waits for the current turn of
 * the event loop (so calls made together go together), and calls made while `parallel`
 * flushes are in flight wait for the next one. Idle, a call is flushed at once and alone;
 * under load batches fill up to `max` with no timer. (DataLoader batches by tick only, so
 * under load it sends many small batches side by side; this waits for a free flush instead.)
 * `flush` resolves with one result per item, in order; if it throws, every item's call does.
 */
export function createBatcher<T, R>(
  flush: (items: T[]) => Promise<R[]>,
  options: { max: number; parallel?: number },
): (item: T) => Promise<R> {
  interface Waiting {
    item: T;
    resolve(result: R): void;
    reject(error: unknown): void;
  }
  const parallel = options.parallel ?? 1;
  const waiting: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule(): void {
    if (scheduled || waiting.length === 0 || inFlight >= parallel) return;
    scheduled = true;
    setImmediate(run);
  }

  function run(): void {
    scheduled = false;
    while (waiting.length > 0 && inFlight < parallel) {
      const batch = waiting.splice(0, options.max);
      inFlight++;
      flush(batch.map((w) => w.item))
        .then(
          (results) => {
            batch.forEach((w, i) => {
              w.resolve(results[i]!);
            });
          },
          (error: unknown) => {
            for (const w of batch) w.reject(error);
          },
        )
        .finally(() => {
          inFlight--;
          schedule();
        });
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      schedule();
    });
}
