import SuperJSON from "superjson";

/**
 * superjson, minus its per-value rule search for the shapes procedures return and clients send
 * most. `superjson.serialize` asks each value a dozen questions (registered class? symbol?
 * custom transformer? typed array? undefined? bigint? Date? Error? RegExp? Set? Map? NaN?
 * -0? URL?) through `Object.prototype.toString`, for every value of every result (the bench in
 * bench/ measures what skipping that saves).
 *
 * `serializeFast` answers exactly what superjson would — the same `json` tree, the same
 * `meta.values` keys in the same order — for trees of plain objects and arrays holding strings,
 * finite numbers, booleans, null, undefined and valid Dates, where no object appears twice.
 * For anything else (Map, Set, BigInt, NaN, Infinity, -0, RegExp, Error, URL, class instances,
 * shared or circular references, sparse arrays, reserved keys…) it returns undefined and the
 * caller uses superjson itself. `deserializeFast` does the same for the inputs a client sends
 * without annotations (a primitive) or for "no input" (`undefined`).
 *
 * Used only when the router's transformer is superjson's default instance with nothing
 * registered on it; packages/trpc-lean/test/superjson-fast.test.ts compares both on generated values.
 */

type Annotations = string[] | Record<string, string[]>;
interface Serialized {
  json: unknown;
  meta?: { values: Annotations; v: 1 };
}

/** Returned through the walk to give up; never escapes this module. */
const GIVE_UP = Symbol("superjson-fast: not a fast-path value");

const escapeKey = (key: string) =>
  key.includes("\\") || key.includes(".") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The objects one serialization has met, to give up on the second sighting. Most results hold a
 * handful of objects: a reused array scanned linearly beats a new Set per call; past 32 objects
 * a Set takes over.
 */
class Seen {
  private readonly list: object[] = [];
  private count = 0;
  private set: Set<object> | undefined;
  reset(): this {
    this.list.length = 0;
    this.count = 0;
    this.set = undefined;
    return this;
  }
  /** Adds `value`; false when it was already there. */
  add(value: object): boolean {
    if (this.set) {
      if (this.set.has(value)) return false;
      this.set.add(value);
      return true;
    }
    const { list } = this;
    for (let i = 0; i < this.count; i++) if (list[i] === value) return false;
    list[this.count++] = value;
    if (this.count > 32) this.set = new Set(list);
    return true;
  }
}

const shared = new Seen();
let sharedInUse = false;

/** The annotations of the value `walk` last returned: a leaf's (["Date"]), or those below an object. */
let annotationsOfLast: Annotations | undefined;

function walk(value: unknown, seen: Seen): unknown {
  annotationsOfLast = undefined;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // NaN, ±Infinity and -0 carry a "number" annotation (NaN even takes part in
      // referential equality): superjson's business.
      if (!Number.isFinite(value) || Object.is(value, -0)) return GIVE_UP;
      return value;
    case "undefined":
      annotationsOfLast = ["undefined"];
      return null;
    case "object":
      break;
    default:
      return GIVE_UP; // bigint, symbol, function
  }
  if (value === null) return null;
  // A second sighting of any object becomes a referentialEqualities annotation.
  if (!seen.add(value)) return GIVE_UP;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()) || Object.getPrototypeOf(value) !== Date.prototype) {
      return GIVE_UP;
    }
    annotationsOfLast = ["Date"];
    return value.toISOString();
  }
  let keys: string[];
  let out: Record<string, unknown>;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return GIVE_UP;
    keys = Object.keys(value);
    // Holes, or extra properties on the array: superjson's Object.entries walk decides.
    if (keys.length !== value.length) return GIVE_UP;
    out = [] as unknown as Record<string, unknown>;
  } else {
    if (!isPlainObject(value)) return GIVE_UP;
    keys = Object.keys(value);
    out = {};
  }
  let inner: Record<string, string[]> | undefined;
  const source = value as Record<string, unknown>;
  for (const key of keys) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") return GIVE_UP;
    const child = walk(source[key], seen);
    if (child === GIVE_UP) return GIVE_UP;
    out[key] = child;
    const annotations = annotationsOfLast;
    if (annotations === undefined) continue;
    inner ??= {};
    if (Array.isArray(annotations)) {
      inner[escapeKey(key)] = annotations;
    } else {
      const prefix = `${escapeKey(key)}.`;
      for (const path of Object.keys(annotations)) inner[prefix + path] = annotations[path]!;
    }
  }
  annotationsOfLast = inner;
  return out;
}

export function serializeFast(value: unknown): Serialized | undefined {
  // A getter that serializes while we walk gets a Seen of its own.
  const reuse = !sharedInUse;
  sharedInUse = true;
  let json: unknown;
  try {
    json = walk(value, reuse ? shared.reset() : new Seen());
  } finally {
    if (reuse) {
      shared.reset();
      sharedInUse = false;
    }
  }
  if (json === GIVE_UP) return undefined;
  const values = annotationsOfLast;
  annotationsOfLast = undefined;
  return values === undefined ? { json } : { json, meta: { values, v: 1 } };
}

const NOT_FAST = Symbol("superjson-fast: not a fast-path payload");

/**
 * The input for a payload superjson would decode trivially: a primitive without annotations, or
 * the "undefined" marker httpLink sends for a call without input. NOT_FAST otherwise.
 */
export function deserializeFast(payload: unknown): unknown {
  if (typeof payload !== "object" || payload === null) return NOT_FAST;
  const { json, meta } = payload as { json?: unknown; meta?: unknown };
  if (meta === undefined) {
    const type = typeof json;
    return json === null || type === "string" || type === "number" || type === "boolean"
      ? json
      : NOT_FAST;
  }
  if (json !== null || typeof meta !== "object" || meta === null) return NOT_FAST;
  const { values, v, ...rest } = meta as { values?: unknown; v?: unknown };
  if (
    Array.isArray(values) &&
    values.length === 1 &&
    values[0] === "undefined" &&
    (v === 1 || v === undefined) &&
    Object.keys(rest).length === 0
  ) {
    return undefined;
  }
  return NOT_FAST;
}

export { NOT_FAST };

/**
 * Whether `transformer` is superjson's default instance with nothing registered on it — the
 * only case the fast paths reproduce. Registrations are read from superjson's own registries;
 * if their shape is not what we know, we answer no.
 */
export function isPlainSuperjson(transformer: {
  serialize: unknown;
  deserialize: unknown;
}): boolean {
  if (transformer.serialize !== SuperJSON.serialize) return false;
  if (transformer.deserialize !== SuperJSON.deserialize) return false;
  return nothingRegistered();
}

interface Registries {
  classRegistry?: { kv?: { keyToValue?: Map<unknown, unknown> } };
  symbolRegistry?: { kv?: { keyToValue?: Map<unknown, unknown> } };
  customTransformerRegistry?: { transfomers?: Record<string, unknown> };
  allowedErrorProps?: unknown[];
  dedupe?: boolean;
}

/** Read per call: a class registered after start-up turns the fast path off from then on. */
export function nothingRegistered(): boolean {
  const instance = (SuperJSON as unknown as { defaultInstance?: Registries }).defaultInstance;
  const classes = instance?.classRegistry?.kv?.keyToValue;
  const symbols = instance?.symbolRegistry?.kv?.keyToValue;
  const custom = instance?.customTransformerRegistry?.transfomers;
  return (
    classes instanceof Map &&
    classes.size === 0 &&
    symbols instanceof Map &&
    symbols.size === 0 &&
    custom !== undefined &&
    Object.keys(custom).length === 0 &&
    instance?.dedupe === false
  );
}

export interface Codec {
  serialize(value: unknown): unknown;
  deserialize(payload: unknown): unknown;
}

/** The router's transformer, with the fast paths in front when it is plain superjson. */
export function createCodec(transformer: {
  input: { serialize: unknown; deserialize: (payload: never) => unknown };
  output: { serialize: (value: never) => unknown; deserialize: unknown };
}): Codec {
  const { input, output } = transformer;
  const fastOut = isPlainSuperjson(output);
  const fastIn = isPlainSuperjson(input);
  return {
    serialize: (value) =>
      (fastOut && nothingRegistered() ? serializeFast(value) : undefined) ??
      output.serialize(value as never),
    deserialize: (payload) => {
      if (fastIn && nothingRegistered()) {
        const decoded = deserializeFast(payload);
        if (decoded !== NOT_FAST) return decoded;
      }
      return input.deserialize(payload as never);
    },
  };
}
