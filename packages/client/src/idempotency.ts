import type { TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
// The server's list (its idempotency policy reads the same constant); bundled into the SDK.
import {
  IDEMPOTENT_MUTATIONS as IDEMPOTENT_MUTATION_PATHS,
  isIdempotentMutation,
} from "@tesseract/validators/constants";

/**
 * Mutations that create something: the SDK sends each call an `Idempotency-Key` (a random UUID,
 * the same on every retry of that call), so a retried create makes one row. Pass your own as
 * `{ context: { idempotencyKey } }` to make retries across runs of a script safe too.
 */
export const IDEMPOTENT_MUTATIONS: ReadonlySet<string> = new Set(IDEMPOTENT_MUTATION_PATHS);

export function isIdempotentCreate(op: { type: string; path: string }): boolean {
  return op.type === "mutation" && isIdempotentMutation(op.path);
}

/** Gives each create-type mutation its key in `op.context.idempotencyKey` (kept if already set). */
export function idempotencyKeyLink<TRouter extends AnyRouter>(): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) => {
      if (!isIdempotentCreate(op) || typeof op.context.idempotencyKey === "string") return next(op);
      return next({ ...op, context: { ...op.context, idempotencyKey: crypto.randomUUID() } });
    };
}
