import { TRPCError } from "@trpc/server";

// Results only httpBatchStreamLink can carry (a promise or an async iterable inside), told
// apart as tRPC does.

const isObject = (value: unknown): value is object =>
  !!value && !Array.isArray(value) && typeof value === "object";
const isFunction = (value: unknown): value is (...args: unknown[]) => unknown =>
  typeof value === "function";
const isAsyncIterable = (value: unknown): boolean =>
  isObject(value) && Symbol.asyncIterator in value;
const isPromise = (value: unknown): boolean =>
  (isObject(value) || isFunction(value)) &&
  typeof (value as { then?: unknown }).then === "function" &&
  typeof (value as { catch?: unknown }).catch === "function";
/**
 * resolveResponse's `isDataStream` (such results need httpBatchStreamLink):
 * `Object.values(v).some(isPromise) || Object.values(v).some(isAsyncIterable)`, in one pass.
 */
export function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  // Object.values' own enumerable string keys, without the array.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (isPromise(item) || isAsyncIterable(item)) return true;
  }
  return false;
}

export const streamLikeResult = () =>
  new TRPCError({
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink",
  });
