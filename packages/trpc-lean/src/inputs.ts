import { TRPCError } from "@trpc/server";
import type { LeanRequest } from "./request.ts";
import type { Codec } from "./superjson-fast.ts";

export interface Inputs {
  /** The call's raw input, decoded by the transformer; parsed once for the whole batch. */
  read(index: number): Promise<unknown>;
  /** The input if it was already read (for error shapes), as tRPC's `call.result()`. */
  result(index: number): unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && !Array.isArray(value) && typeof value === "object";

/**
 * tRPC's JSON content handler: the `input` query parameter of a GET or the body of a POST,
 * JSON-parsed and run through the router's transformer, lazily (a procedure without input
 * never makes it parse), once per request, with its failures reported as tRPC reports them.
 */
/** A GET without an `input` parameter: every call's input is undefined, nothing to parse. */
const NO_INPUTS: Inputs = {
  read: () => Promise.resolve(undefined),
  result: () => undefined,
};

export function createInputs(
  codec: Codec,
  request: LeanRequest,
  body: Promise<string> | undefined,
): Inputs {
  if (body === undefined && !request.queryInput) return NO_INPUTS;
  let promise: Promise<unknown[]> | null = null;
  let value: unknown[] | undefined;

  async function parse(): Promise<unknown[]> {
    let inputs: unknown = undefined;
    if (body === undefined) {
      if (request.queryInput) inputs = JSON.parse(request.queryInput);
    } else {
      // tRPC 11.19 reads a POST body with `req.json()`: an empty body is a parse error
      // ("Unexpected end of JSON input"), not an undefined input.
      inputs = JSON.parse(await body);
    }
    // An array: indices only, and cheaper to make than a prototype-less dictionary.
    const result: unknown[] = [];
    if (inputs === undefined) return result;
    if (!request.isBatch) {
      result[0] = codec.deserialize(inputs);
      return result;
    }
    if (!isObject(inputs)) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: '"input" needs to be an object when doing a batch call',
      });
    }
    for (const index of request.paths.keys()) {
      const input = inputs[index];
      if (input !== undefined) result[index] = codec.deserialize(input);
    }
    return result;
  }

  async function readAll(): Promise<unknown[]> {
    if (value !== undefined) return value;
    promise ??= parse().catch((cause: unknown) => {
      if (cause instanceof TRPCError) throw cause;
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: cause instanceof Error ? cause.message : "Invalid input",
        cause,
      });
    });
    value = await promise;
    promise = null;
    return value;
  }

  return {
    read: async (index) => (await readAll())[index],
    result: (index) => value?.[index],
  };
}
