import { getTRPCErrorFromUnknown, TRPCError, type AnyTRPCProcedure } from "@trpc/server";

/**
 * The procedure's middleware runner, with native object spread.
 *
 * tRPC 11's `callRecursive` (dist/initTRPC-*.mjs; identical in 11.19 and 11.25) is this same
 * function, but its published build down-levels every `{ ...opts, next }` and every context
 * merge to the `_objectSpread2` helper, which copies property by property through
 * `Object.defineProperty`, once per middleware per call (bench/ compares `--runner trpc`). The
 * copies carry the same own enumerable properties either way; test/internals.test.ts checks the
 * middleware protocol this relies on, and the wire-compat suite runs every scenario through
 * both runners.
 *
 * Used only for procedures tRPC builds itself (`createProcedureCaller`): one with an
 * `experimental_caller` override, or a shape we do not recognise, is called as tRPC's own
 * function instead.
 */

export interface CallOptions {
  ctx: unknown;
  getRawInput: () => Promise<unknown>;
  input?: unknown;
  path: string;
  type: "query" | "mutation" | "subscription";
  signal: AbortSignal | undefined;
  batchIndex: number;
}

type MiddlewareResult =
  | { ok: true; data: unknown; marker: string; ctx?: unknown }
  | { ok: false; error: TRPCError; marker: string };

interface NextOptions {
  ctx?: Record<string, unknown>;
  input?: unknown;
  getRawInput?: () => Promise<unknown>;
}

type Middleware = (
  opts: CallOptions & { meta: unknown; next: (opts?: NextOptions) => Promise<MiddlewareResult> },
) => Promise<MiddlewareResult | undefined>;

interface RunnableDef {
  middlewares: Middleware[];
  meta: unknown;
  caller?: unknown;
}

const MARKER = "middlewareMarker";

async function callRecursive(
  index: number,
  def: RunnableDef,
  opts: CallOptions,
): Promise<MiddlewareResult> {
  try {
    const middleware = def.middlewares[index]!;
    const result = await middleware({
      ...opts,
      meta: def.meta,
      input: opts.input,
      next(nextOpts?: NextOptions) {
        return callRecursive(index + 1, def, {
          ...opts,
          ctx: nextOpts?.ctx ? { ...(opts.ctx as object), ...nextOpts.ctx } : opts.ctx,
          input: nextOpts && "input" in nextOpts ? nextOpts.input : opts.input,
          getRawInput: nextOpts?.getRawInput ?? opts.getRawInput,
        });
      },
    });
    // tRPC passes a middleware's undefined through; the caller below reports it.
    return result as MiddlewareResult;
  } catch (cause) {
    return { ok: false, error: getTRPCErrorFromUnknown(cause), marker: MARKER };
  }
}

/** The definition our runner can walk, or undefined to call tRPC's own procedure function. */
export function runnableDef(procedure: AnyTRPCProcedure): RunnableDef | undefined {
  const def = procedure._def as unknown as Partial<RunnableDef>;
  if (def.caller !== undefined || !Array.isArray(def.middlewares)) return undefined;
  return def as RunnableDef;
}

/** Calls a procedure as tRPC's `procedure(opts)` does, through `def` when given. */
export async function invokeProcedure(
  procedure: AnyTRPCProcedure,
  def: RunnableDef | undefined,
  opts: CallOptions,
): Promise<unknown> {
  if (!def) return procedure(opts);
  const result = await callRecursive(0, def, opts);
  if (!(result as MiddlewareResult | undefined)) {
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: "No result from middlewares - did you forget to `return next()`?",
    });
  }
  if (!result.ok) throw result.error;
  return result.data;
}

export type { RunnableDef };
