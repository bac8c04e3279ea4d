import { getTRPCErrorFromUnknown, TRPCError, type AnyTRPCProcedure } from "@trpc/server";
import { inputValidator, outputValidator } from "./validators.ts";

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
 * function instead. The `.input()` / `.output()` validators in the list are swapped for
 * validators.ts's equivalents (native spread, zod's synchronous fast path) when their
 * schemas can be matched to them one for one.
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

type Middleware = ((
  opts: CallOptions & { meta: unknown; next: (opts?: NextOptions) => Promise<MiddlewareResult> },
) => Promise<MiddlewareResult | undefined>) & { _type?: string };

interface RunnableDef {
  middlewares: Middleware[];
  meta: unknown;
  caller?: unknown;
  inputs?: unknown[];
  output?: unknown;
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

const runnable = new WeakMap<object, RunnableDef | null>();

/** The definition our runner can walk, or undefined to call tRPC's own procedure function. */
export function runnableDef(procedure: AnyTRPCProcedure): RunnableDef | undefined {
  const def = procedure._def as unknown as Partial<RunnableDef>;
  let walked = runnable.get(def);
  if (walked === undefined) {
    walked =
      def.caller !== undefined || !Array.isArray(def.middlewares)
        ? null
        : withOwnValidators(def as RunnableDef);
    runnable.set(def, walked);
  }
  return walked ?? undefined;
}

/**
 * `def` with its validator middlewares replaced by validators.ts's, each built from the schema
 * tRPC made it from: the n-th input middleware from `inputs[n]` (both lists grow together in
 * `.input()` and `.concat()`), the output middleware from `output`. Any other count, or a
 * schema that is not zod's, keeps tRPC's middleware.
 */
function withOwnValidators(def: RunnableDef): RunnableDef {
  const inputs = Array.isArray(def.inputs) ? def.inputs : [];
  const inputMiddlewares = def.middlewares.filter((middleware) => middleware._type === "input");
  const outputMiddlewares = def.middlewares.filter((middleware) => middleware._type === "output");
  const matchInputs = inputMiddlewares.length === inputs.length;
  const matchOutput = outputMiddlewares.length === 1 && def.output !== undefined;
  if (!matchInputs && !matchOutput) return def;
  let inputIndex = 0;
  const middlewares = def.middlewares.map((middleware): Middleware => {
    if (middleware._type === "input" && matchInputs) {
      return (inputValidator(inputs[inputIndex++]) as Middleware | undefined) ?? middleware;
    }
    if (middleware._type === "output" && matchOutput) {
      return (outputValidator(def.output) as Middleware | undefined) ?? middleware;
    }
    return middleware;
  });
  // Only what callRecursive reads; tRPC's def itself is left as it is.
  return { middlewares, meta: def.meta };
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
