import { configure } from "safe-stable-stringify";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { sha256 } from "../auth/secrets.ts";
import { inputDigest, plainJson } from "./input-digest.ts";

/** The digest as written out in full, never remembered. */
const canonicalJson = configure({ deterministic: true, strict: true, circularValue: Error });
const fullDigest = (input: unknown) => sha256(canonicalJson(superjson.serialize(input)));

const INPUTS: unknown[] = [
  { orgId: "org_1" },
  { orgId: "org_1", projectId: "p", limit: 50, cursor: null, archived: false },
  { filter: { status: ["todo", "done"], assignee: null }, sort: { by: "position", desc: true } },
  { text: 'héllo ✓ \u2028 \ud800 "quoted" \\ back' },
  { n: 0 },
  { n: -0 },
  { n: 1e21 },
  { n: 0.1 + 0.2 },
  { n: Number.NaN },
  { at: new Date(0) },
  { big: 1n },
  { maybe: undefined },
  { list: [1, , 3] }, // eslint-disable-line no-sparse-arrays
  { set: new Set([1]) },
  [1, "1", null, true],
  "plain string",
  42,
  null,
  undefined,
  { long: "x".repeat(600) },
  Object.assign(Object.create(null) as object, { orgId: "org_1" }),
];

describe("input digest", () => {
  it("is the full digest for every kind of input, asked once or again", () => {
    for (let round = 0; round < 2; round++) {
      for (const input of INPUTS) expect(inputDigest(input), String(round)).toBe(fullDigest(input));
    }
  });

  it("remembers only values JSON writes one way, and gives equal values one key", () => {
    expect(plainJson({ b: [1, "2"], a: { d: null, c: true } })).toBe(
      '{"a":{"c":true,"d":null},"b":[1,"2"]}',
    );
    expect(plainJson({ a: 1, b: 2 })).toBe(plainJson({ b: 2, a: 1 }));
    for (const odd of [
      { n: -0 },
      { n: Number.POSITIVE_INFINITY },
      { at: new Date(0) },
      { v: undefined },
      [1, , 3], // eslint-disable-line no-sparse-arrays
      { long: "x".repeat(600) },
      undefined,
      1n,
    ])
      expect(plainJson(odd)).toBeUndefined();
  });
});
