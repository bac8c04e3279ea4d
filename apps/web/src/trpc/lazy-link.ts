import { TRPCClientError, type OperationLink, type TRPCLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { observable, type Unsubscribable } from "@trpc/server/observable";

/**
 * A link whose code loads when the first operation reaches it: the live link (WebSocket client,
 * SSE fallback) is not needed to show or to use a page, only for the subscriptions its
 * components open once they have mounted, so it stays out of every page's first-load
 * JavaScript. `load` runs once per client.
 */
export function lazyLink<TRouter extends AnyTRPCRouter>(
  load: () => Promise<TRPCLink<TRouter>>,
): TRPCLink<TRouter> {
  return (runtime) => {
    let operationLink: Promise<OperationLink<TRouter>> | undefined;
    return ({ op, next }) =>
      observable((observer) => {
        let subscription: Unsubscribable | undefined;
        let closed = false;
        operationLink ??= load().then((link) => link(runtime));
        operationLink.then(
          (link) => {
            if (!closed) subscription = link({ op, next }).subscribe(observer);
          },
          (cause: unknown) => {
            if (!closed)
              observer.error(
                TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause))),
              );
          },
        );
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      });
  };
}
