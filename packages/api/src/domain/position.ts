import { generateKeyBetween } from "fractional-indexing";

// Board positions are fractional-indexing keys: base-62 strings ordered byte by byte (the column
// uses collation "C"), with an integer part whose length grows only logarithmically when cards
// are appended, so a column of 10,000 cards still has short keys. A key between any two others
// always exists, so a move writes one row. A create appends in SQL, under the project's lock:
// task_position_after (migration 2026-11-30-0007-create-task-function); a move or a status
// change reads its column under the same lock (column-lock.ts), so no two take one key.

/** A key strictly between `before` and `after` (null = the start or the end of the column). */
export function positionBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new Error(`position keys out of order: ${before} >= ${after}`);
  }
  return generateKeyBetween(before, after);
}
