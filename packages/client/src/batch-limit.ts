import { observable } from "@trpc/server/observable";
import type { OperationLink, TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { DEFAULT_MAX_BATCH_SIZE } from "@tesseract/validators/constants";

/** Calls one request may batch when the server does not say (the server's default too). */
export const FALLBACK_MAX_BATCH_SIZE = DEFAULT_MAX_BATCH_SIZE;

/**
 * Reads the server's batch limit (`limits.maxBatchSize` of `system.info`, public) once. Any
 * failure falls back to the default, and the first real call then reports what is wrong.
 */
export async function fetchMaxBatchSize(trpcUrl: string, fetchFn: typeof fetch): Promise<number> {
  try {
    const response = await fetchFn(`${trpcUrl}/system.info`, { method: "GET" });
    if (!response.ok) return FALLBACK_MAX_BATCH_SIZE;
    const body = (await response.json()) as {
      result?: { data?: { json?: { limits?: { maxBatchSize?: unknown } } } };
    };
    const limit = body.result?.data?.json?.limits?.maxBatchSize;
    return typeof limit === "number" && Number.isInteger(limit) && limit >= 1
      ? limit
      : FALLBACK_MAX_BATCH_SIZE;
  } catch {
    return FALLBACK_MAX_BATCH_SIZE;
  }
}

/**
 * A link built once its settings are known (the batch link, whose `maxItems` comes from the
 * server). Operations started before then wait; those started in one tick still share a batch.
 */
export function deferredLink<TRouter extends AnyRouter>(
  build: () => Promise<TRPCLink<TRouter>>,
): TRPCLink<TRouter> {
  return (runtime) => {
    let ready: Promise<OperationLink<TRouter>> | undefined;
    return ({ op, next }) =>
      observable((observer) => {
        let unsubscribe: (() => void) | undefined;
        let cancelled = false;
        ready ??= build().then((link) => link(runtime));
        ready.then(
          (operationLink) => {
            if (cancelled) return;
            const subscription = operationLink({ op, next }).subscribe(observer);
            unsubscribe = () => {
              subscription.unsubscribe();
            };
          },
          (error: unknown) => {
            observer.error(error as never);
          },
        );
        return () => {
          cancelled = true;
          unsubscribe?.();
        };
      });
  };
}
