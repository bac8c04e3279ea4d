import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line of a request (or a job run) says about whom it serves. */
export interface LogFields {
  requestId?: string;
  procedure?: string;
  userId?: string;
  orgId?: string;
  jobId?: number;
  jobType?: string;
}

const store = new AsyncLocalStorage<LogFields>();

/**
 * Runs `run` with `fields` added to those of the enclosing request, for every log line written
 * inside it (the logger's mixin reads them). The object stays mutable: a middleware that
 * learns who is calling adds `userId` to it for the lines after.
 */
export function withLogFields<T>(fields: LogFields, run: (fields: LogFields) => T): T {
  const merged = { ...store.getStore(), ...fields };
  return store.run(merged, () => run(merged));
}

/** The fields of the current request or job; an empty object outside one. */
export function logFields(): LogFields {
  return store.getStore() ?? {};
}
