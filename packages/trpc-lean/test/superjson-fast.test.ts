import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { createCodec, deserializeFast, NOT_FAST, serializeFast } from "../src/superjson-fast.ts";

/** A small seeded PRNG (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Point {
  x = 1;
  y = 2;
}

const KEYS = [
  "a",
  "b",
  "x.y",
  "back\\slash",
  "0",
  "12",
  "",
  "é",
  "data",
  "path",
  "a.b.c",
  "toJSON",
];

/** Values of every kind superjson handles, mostly of the kinds the fast path takes. */
function generate(next: () => number, depth = 0, shared: object[] = []): unknown {
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const leaf = () =>
    pick<() => unknown>([
      () => "text",
      () => "with.dot",
      () => Math.floor(next() * 1000) - 500,
      () => next() * 1e6,
      () => true,
      () => false,
      () => null,
      () => undefined,
      () => new Date(Math.floor(next() * 2e12)),
      // Rarer kinds: each makes superjson annotate or track something the fast path leaves alone.
      () => pick([NaN, Infinity, -Infinity, -0, 10n, new Date(Number.NaN)]),
      () => pick([new Map([["k", 1]]), new Set([1, 2]), /re/g, new Error("boom"), new Point()]),
      () => pick([new URL("https://example.com/x"), new Uint8Array([1, 2]), Symbol("s")]),
      () => (shared.length > 0 ? pick(shared) : "no shared yet"),
    ])();
  if (depth > 3 || next() < 0.35) {
    // Mostly common leaves; the rare ones one time in five.
    return next() < 0.8
      ? pick<unknown>(["s", 1, 2.5, true, null, undefined, new Date(1e12)])
      : leaf();
  }
  const size = Math.floor(next() * 5);
  let node: object;
  if (next() < 0.5) {
    const array: unknown[] = [];
    for (let i = 0; i < size; i++) array.push(generate(next, depth + 1, shared));
    if (next() < 0.05) array[size + 2] = "after a hole";
    node = array;
  } else {
    const object: Record<string, unknown> = next() < 0.1 ? Object.create(null) : {};
    for (let i = 0; i < size; i++) object[pick(KEYS)] = generate(next, depth + 1, shared);
    node = object;
  }
  if (next() < 0.1) shared.push(node);
  return node;
}

const same = (value: unknown) => {
  const fast = serializeFast(value);
  const expected = JSON.stringify(superjson.serialize(value));
  if (fast !== undefined) expect(JSON.stringify(fast)).toBe(expected);
  return fast !== undefined;
};

describe("serializeFast", () => {
  it("matches superjson.serialize on generated values, or leaves them to it", () => {
    let fast = 0;
    const total = 5_000;
    for (let seed = 1; seed <= total; seed++) {
      const value = generate(random(seed));
      try {
        if (same(value)) fast++;
      } catch (error) {
        throw new Error(`seed ${seed}: ${String(error)}`, { cause: error });
      }
    }
    // Most generated values are plain data: the fast path must take them.
    expect(fast).toBeGreaterThan(total * 0.3);
  });

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a string", "x"],
    ["a Date at the root", new Date(0)],
    ["undefined in an array", [1, undefined, 3]],
    ["nested annotations with dotted keys", { "a.b": { "c\\d": [new Date(5), { e: undefined }] } }],
    ["an empty object and array", { a: {}, b: [] }],
    ["integer-like keys", { 10: "x", 2: new Date(1), b: 1 }],
    ["system.info's shape", { name: "T", uptimeSeconds: 3, startedAt: new Date(7) }],
  ])("takes %s", (_, value) => {
    expect(same(value)).toBe(true);
  });

  it.each([
    [
      "a shared Date",
      (() => {
        const d = new Date(1);
        return { a: d, b: d };
      })(),
    ],
    ["a Map", new Map()],
    ["a BigInt", 1n],
    ["NaN", NaN],
    ["-0", -0],
    ["a class instance", new Point()],
    ["a __proto__ key", JSON.parse('{"__proto__": 1}') as unknown],
    ["an invalid Date", new Date(Number.NaN)],
  ])("leaves %s to superjson", (_, value) => {
    expect(serializeFast(value)).toBeUndefined();
  });
});

describe("deserializeFast", () => {
  it.each([
    ["no input", { json: null, meta: { values: ["undefined"], v: 1 } }],
    ["a string", { json: "x" }],
    ["a number", { json: 4 }],
    ["null", { json: null }],
    ["a boolean", { json: false }],
  ])("decodes %s as superjson does", (_, payload) => {
    const decoded = deserializeFast(payload);
    expect(decoded).not.toBe(NOT_FAST);
    expect(decoded).toEqual(superjson.deserialize(payload as never));
  });

  it.each([
    ["an object", { json: { a: 1 } }],
    ["annotations", { json: "1970-01-01T00:00:00.000Z", meta: { values: ["Date"], v: 1 } }],
    [
      "extra meta",
      { json: null, meta: { values: ["undefined"], v: 1, referentialEqualities: {} } },
    ],
    ["null meta", { json: 1, meta: null }],
    ["not an object", "x"],
    ["null", null],
  ])("leaves %s to superjson", (_, payload) => {
    expect(deserializeFast(payload)).toBe(NOT_FAST);
  });

  it("the codec falls back to the transformer for everything else", () => {
    const codec = createCodec({ input: superjson, output: superjson });
    const value = { m: new Map([[1, new Set([2n])]]), d: new Date(3) };
    expect(codec.serialize(value)).toEqual(superjson.serialize(value));
    expect(codec.deserialize(superjson.serialize(value))).toEqual(value);
  });
});
