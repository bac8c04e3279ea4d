import { sql, type Expression } from "@tesseract/db";
import { BASE_62_DIGITS, generateKeyBetween } from "fractional-indexing";

// Board positions are fractional-indexing keys: base-62 strings ordered byte by byte (the column
// uses collation "C"), with an integer part whose length grows only logarithmically when cards
// are appended, so a column of 10,000 cards still has short keys. A key between any two others
// always exists, so a move writes one row.

/** A key strictly between `before` and `after` (null = the start or the end of the column). */
export function positionBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new Error(`position keys out of order: ${before} >= ${after}`);
  }
  return generateKeyBetween(before, after);
}

// The library's default heads: A-Z mark negative integers (A the longest), a-z positive ones.
const HEADS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Each digit (head) but the largest, and the one after it, for translate(). */
const DIGIT_FROM = BASE_62_DIGITS.slice(0, -1);
const DIGIT_TO = BASE_62_DIGITS.slice(1);
const HEAD_FROM = HEADS.slice(0, -1);
const HEAD_TO = HEADS.slice(1);

/**
 * `positionBetween(last, null)` in SQL, `last` being a position (or null for an empty column):
 * the key after it, as the statement that appends a card computes it under the project's lock
 * (no round trip to read the column's end first). It is the library's `incrementInteger` of the
 * key's integer part: bump the last digit that is not the largest ("z"), zero those after it; a
 * run of "z" only moves the head to the next (`az` → `b00`, `Zz` → `a0`). An integer part that
 * cannot grow (head "z", 26 "z" digits) is out of reach of appends; there the key gets a
 * fraction instead ("V", valid and after it), where the library picks a shorter one.
 * position-sql.test.ts checks it against the library. (`offset 0` keeps PostgreSQL from inlining
 * each step into the next: every use of `last` would become a copy of its subquery to plan.)
 */
export function positionAfter(last: Expression<string | null>): Expression<string> {
  // The integer part's length is fixed by its head: a..z → 2..27, Z..A → 2..27.
  const intLength = (head: Expression<string>) =>
    sql`(case when ${head} >= 'a' collate "C" then ascii(${head}) - 95 else 92 - ascii(${head}) end)`;
  const last_ = sql.ref("last_position.p");
  const integer = sql.ref("integer_part.i");
  const bumped = sql.ref("bumped.t");
  const head = sql<string>`left(${integer}, 1)`;
  const nextHead = sql<string>`translate(${head}, ${sql.lit(HEAD_FROM)}, ${sql.lit(HEAD_TO)})`;
  return sql<string>`(select case
      when ${last_} is null then 'a0'
      when ${bumped} <> '' then ${head} || left(${bumped}, -1)
        || translate(right(${bumped}, 1), ${sql.lit(DIGIT_FROM)}, ${sql.lit(DIGIT_TO)})
        || repeat('0', length(${integer}) - 1 - length(${bumped}))
      when ${head} = 'z' then ${last_} || 'V'
      else ${nextHead} || repeat('0', ${intLength(nextHead)} - 1)
    end
    from (select (${last}) as p offset 0) last_position
    cross join lateral (select left(last_position.p, ${intLength(sql`last_position.p`)}) as i offset 0) integer_part
    cross join lateral (select rtrim(substr(integer_part.i, 2), 'z') as t offset 0) bumped)`;
}
