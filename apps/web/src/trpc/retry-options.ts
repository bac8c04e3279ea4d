// Apart from links.ts, so a page can name them without loading the tRPC client with it.

/** How long a call keeps retrying while the API server is not answering (it may be starting). */
export const STARTING_RETRY = { delayMs: 1_000, browserAttempts: 30, serverAttempts: 15 };

/** Call context for a call that must fail at once, such as a health probe: `{ trpc: { context } }`. */
export const NO_STARTING_RETRY = { noStartingRetry: true } as const;
