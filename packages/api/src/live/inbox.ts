/**
 * What a subscription has received and not yet sent, bounded: a client that does not read
 * stops the generator from being pulled, and its messages would otherwise pile up here. Past
 * `max` the inbox overflows (the subscription drops the client) instead of growing.
 */
export class Inbox<T> {
  private readonly items: T[] = [];
  private wake: (() => void) | undefined;
  private readonly max: number;
  overflowed = false;
  /** Set by `nudge`: something other than a message needs the reader's attention. */
  nudged = false;

  constructor(max: number) {
    this.max = max;
  }

  push(item: T): boolean {
    if (this.items.length >= this.max) {
      this.overflowed = true;
      this.items.length = 0;
      this.notify();
      return false;
    }
    this.items.push(item);
    this.notify();
    return true;
  }

  /** Forgets what is queued (a reader that only needs the newest message). */
  drain(): void {
    this.items.length = 0;
  }

  nudge(): void {
    this.nudged = true;
    this.notify();
  }

  /** The next message, or undefined once woken with nothing queued (a nudge, an abort). */
  async next(signal: AbortSignal | undefined): Promise<T | undefined> {
    if (this.items.length === 0 && !this.nudged && !this.overflowed && !signal?.aborted) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    return this.items.shift();
  }

  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
