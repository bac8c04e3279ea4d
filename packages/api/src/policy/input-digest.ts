import { configure } from "safe-stable-stringify";
import superjson from "superjson";
import { sha256 } from "../auth/secrets.ts";

// Sorted keys; anything JSON cannot say exactly (a function, a cycle) throws instead of
// collapsing into a string another input could also produce.
const canonicalJson = configure({ deterministic: true, strict: true, circularValue: Error });

/**
 * The part of an entry's key that names the input: a digest of the *parsed* input (what the
 * resolver sees, so keys the schema strips and defaults it fills in change nothing), written
 * by superjson (a BigInt, Date or Set keeps its type, not a look-alike string) with sorted keys.
 *
 * Most inputs are small plain JSON (an organization id, a page of a list), asked for again and
 * again: their digests are remembered, keyed by `plainJson` — which two inputs share only when
 * they are the same JSON value, and so the same digest.
 */
export function inputDigest(input: unknown): string {
  const plain = plainJson(input);
  if (plain === undefined) return digestOf(input);
  let digest = remembered.get(plain);
  if (digest === undefined) {
    digest = digestOf(input);
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(plain, digest);
  }
  return digest;
}

function digestOf(input: unknown): string {
  return sha256(canonicalJson(superjson.serialize(input)));
}

const remembered = new Map<string, string>();
const MAX_REMEMBERED = 2_000;
/** Longer inputs are digested each time (and not held in memory). */
const MAX_PLAIN_LENGTH = 512;

/**
 * `value` as JSON with sorted keys when it is made only of plain objects, dense arrays, strings,
 * finite numbers (not -0), booleans and null — values JSON writes one way each — and short;
 * otherwise undefined (undefined, a Date, a BigInt… take the full path).
 */
export function plainJson(value: unknown): string | undefined {
  const parts: string[] = [];
  let length = 0;
  const write = (part: string): boolean => {
    length += part.length;
    parts.push(part);
    return length <= MAX_PLAIN_LENGTH;
  };
  const walk = (node: unknown, depth: number): boolean => {
    if (node === null) return write("null");
    switch (typeof node) {
      case "string":
        return write(JSON.stringify(node));
      case "boolean":
        return write(node ? "true" : "false");
      case "number":
        return Number.isFinite(node) && !Object.is(node, -0) && write(String(node));
      case "object":
        break;
      default:
        return false;
    }
    if (depth > 8) return false;
    if (Array.isArray(node)) {
      if (!write("[")) return false;
      for (let i = 0; i < node.length; i++) {
        if (!(i in node) || (i > 0 && !write(",")) || !walk(node[i], depth + 1)) return false;
      }
      return write("]");
    }
    if (Object.getPrototypeOf(node) !== Object.prototype) return false;
    const keys = Object.keys(node).sort();
    if (!write("{")) return false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if ((i > 0 && !write(",")) || !write(JSON.stringify(key)) || !write(":")) return false;
      if (!walk((node as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return write("}");
  };
  return walk(value, 0) ? parts.join("") : undefined;
}
