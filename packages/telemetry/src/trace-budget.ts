/**
 * A cap on the new traces one process starts per second: a token bucket holding up to one
 * second's worth (at least one), refilled continuously. The ratio sampler picks which new
 * traces are wanted; the budget keeps a busy process from recording more than an operator can
 * use — at 20,000 requests a second, a ratio of 0.1 is 2,000 traces a second, and recording
 * them costs the request path more than everything else tracing does. Below the cap the
 * ratio alone decides (a quiet process still records its share); traces a caller's
 * `traceparent` or a job's parent already chose are never counted or refused.
 */
export class TraceBudget {
  readonly #perSecond: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #last: number;

  /** `perSecond` > 0; `now` in milliseconds (a test's clock; `performance.now` otherwise). */
  constructor(perSecond: number, now: () => number = () => performance.now()) {
    if (!(perSecond > 0)) throw new RangeError("a trace budget is a positive number per second");
    this.#perSecond = perSecond;
    this.#burst = Math.max(1, perSecond);
    this.#now = now;
    this.#tokens = this.#burst;
    this.#last = now();
  }

  /** Whether one more new trace may start now (and counts it if so). */
  take(): boolean {
    const now = this.#now();
    const refilled = this.#tokens + ((now - this.#last) / 1000) * this.#perSecond;
    this.#tokens = Math.min(this.#burst, refilled);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
