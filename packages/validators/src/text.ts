import { z } from "zod";

/** A lone UTF-16 surrogate: with the `u` flag, well-formed pairs are one code point and never match. */
const LONE_SURROGATE = /\p{Cs}/u;

export const NUL_MESSAGE = "Remove the NUL character (U+0000); it cannot be stored";
export const SURROGATE_MESSAGE = "Remove the broken character (a lone UTF-16 surrogate)";

/** True when PostgreSQL can store the string as `text` and inside `jsonb`. */
export function isStorableText(value: string): boolean {
  return !value.includes("\0") && !LONE_SURROGATE.test(value);
}

/**
 * The one builder every client text field starts from. PostgreSQL's `text` refuses NUL and
 * `jsonb` refuses lone surrogates, so such strings are refused here with a clear message (not
 * silently changed: what a person typed is either stored as it is or explained) instead of
 * failing later as a 500. Chain `.trim()`, `.min()`, `.max()`, `.regex()` after it as usual.
 */
export function textSchema() {
  return z
    .string()
    .refine((value) => !value.includes("\0"), NUL_MESSAGE)
    .refine((value) => !LONE_SURROGATE.test(value), SURROGATE_MESSAGE);
}
