/** How the SDK retries and times out one HTTP request (see README: "Retries and timeouts"). */
export interface RetryOptions {
  /** Further attempts after the first, for 429, 503 and network failures (default 3). */
  retries: number;
  /** Longest wait honoured from a `Retry-After` header, in ms (default 30 000). */
  maxRetryDelayMs: number;
  /** How long one attempt may take, in ms (default 30 000; 0 turns it off). */
  timeoutMs: number;
}

type Fetch = typeof fetch;
type FetchInput = Parameters<Fetch>[0];
type FetchInit = NonNullable<Parameters<Fetch>[1]>;

/** Whether the request may be sent again after an answer that does not say the work was refused. */
function isRepeatable(init: FetchInit): boolean {
  const method = (init.method ?? "GET").toUpperCase();
  return method === "GET" || new Headers(init.headers).has("idempotency-key");
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or bad. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter, for answers that name no wait. */
function backoffMs(attempt: number): number {
  return Math.min(8000, 250 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A fetch that gives each attempt a timeout and sends a request again after 429 (the server
 * refused before doing anything), and — for GETs and requests carrying an `Idempotency-Key` —
 * after 503 or a network failure, waiting as `Retry-After` says (capped) or with backoff.
 * A POST without a key is never sent twice on a 503: the work may have been done.
 */
export function retryingFetch(base: Fetch, options: RetryOptions): Fetch {
  return async (input: FetchInput, init: FetchInit = {}) => {
    const repeatable = isRepeatable(init);
    for (let attempt = 0; ; attempt++) {
      const signals = [
        init.signal,
        options.timeoutMs > 0 && AbortSignal.timeout(options.timeoutMs),
      ];
      const signal = AbortSignal.any(signals.filter((s): s is AbortSignal => !!s));
      const last = attempt >= options.retries;
      let response: Response;
      try {
        response = await base(input, { ...init, signal });
      } catch (error) {
        if (last || !repeatable || init.signal?.aborted) throw error;
        await sleep(backoffMs(attempt), init.signal);
        continue;
      }
      const retryable = response.status === 429 || (response.status === 503 && repeatable);
      if (!retryable || last) return response;
      const wait = retryAfterMs(response.headers.get("retry-after")) ?? backoffMs(attempt);
      if (wait > options.maxRetryDelayMs) return response;
      await response.body?.cancel();
      await sleep(wait, init.signal);
    }
  };
}
