import { TRPCError } from "@trpc/server";

/**
 * tRPC's `.input()` and `.output()` middlewares (`createInputMiddleware` and
 * `createOutputMiddleware` in dist/initTRPC-*.mjs, identical in 11.19 and 11.25), rebuilt for
 * the lean runner from the schemas the procedure's `_def` keeps (`inputs`, `output`):
 *
 * - native object spread where tRPC's build copies through its `_objectSpread2` helper;
 * - a zod schema is tried with its synchronous `safeParse` first, which takes zod's compiled
 *   fast path for objects (tRPC calls `parseAsync`, which never does). Only a success is used:
 *   a failure, or a schema that turns out to be asynchronous, is parsed again with
 *   `parseAsync` exactly as tRPC does, so a refusal carries the same ZodError.
 *
 * A schema that is not zod's keeps tRPC's own middleware.
 */

type Parse = (value: unknown) => unknown;

interface ZodLike {
  safeParse(value: unknown): { success: boolean; data?: unknown };
  parseAsync(value: unknown): Promise<unknown>;
  _zod: unknown;
}

/** What the middleware is given and returns, as far as these two read it. */
interface ValidatorOptions {
  input?: unknown;
  getRawInput: () => Promise<unknown>;
  next: (opts?: { input: unknown }) => Promise<{ ok: boolean; data?: unknown }>;
}

export type ValidatorMiddleware = (opts: ValidatorOptions) => Promise<unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && !Array.isArray(value) && typeof value === "object";

function isZod(schema: unknown): schema is ZodLike {
  return (
    typeof schema === "object" &&
    schema !== null &&
    "_zod" in schema &&
    typeof (schema as ZodLike).safeParse === "function" &&
    typeof (schema as ZodLike).parseAsync === "function"
  );
}

/** The parsed value, or a promise of it (then tRPC's own `parseAsync` path). */
function parserOf(schema: ZodLike): Parse {
  // tRPC's getParseFn picks `parseAsync` for a zod schema (an object, not a function).
  const parseAsync = schema.parseAsync.bind(schema);
  let sync = true;
  return (value) => {
    if (sync) {
      try {
        const result = schema.safeParse(value);
        if (result.success) return result.data;
      } catch {
        // An asynchronous refinement or transform: from now on, always the async path.
        sync = false;
      }
    }
    return parseAsync(value);
  };
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === "function";

/** `createInputMiddleware(getParseFn(schema))`, or undefined when the schema is not zod's. */
export function inputValidator(schema: unknown): ValidatorMiddleware | undefined {
  if (!isZod(schema)) return undefined;
  const parse = parserOf(schema);
  return async function inputValidatorMiddleware(opts) {
    let parsedInput: unknown;
    const rawInput = await opts.getRawInput();
    try {
      parsedInput = parse(rawInput);
      if (isPromise(parsedInput)) parsedInput = await parsedInput;
    } catch (cause) {
      throw new TRPCError({ code: "BAD_REQUEST", cause });
    }
    const combinedInput =
      isObject(opts.input) && isObject(parsedInput)
        ? { ...opts.input, ...parsedInput }
        : parsedInput;
    return opts.next({ input: combinedInput });
  };
}

/** `createOutputMiddleware(getParseFn(schema))`, or undefined when the schema is not zod's. */
export function outputValidator(schema: unknown): ValidatorMiddleware | undefined {
  if (!isZod(schema)) return undefined;
  const parse = parserOf(schema);
  return async function outputValidatorMiddleware({ next }) {
    const result = await next();
    if (!result.ok) return result;
    let data: unknown;
    try {
      data = parse(result.data);
      if (isPromise(data)) data = await data;
    } catch (cause) {
      throw new TRPCError({
        message: "Output validation failed",
        code: "INTERNAL_SERVER_ERROR",
        cause,
      });
    }
    return { ...result, data };
  };
}
