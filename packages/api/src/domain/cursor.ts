import { textSchema } from "@tesseract/validators";
import { z } from "zod";
import { AppError } from "../errors.ts";

/**
 * Keyset cursors: the last row's sort values (as PostgreSQL printed them, so timestamps keep
 * their microseconds) and its id, opaque to clients. A cursor is client input: decoding checks
 * its shape and the type of every value against the schema of the page's sort, so a decoded
 * cursor can never reach a SQL cast with a value PostgreSQL would refuse (a 500).
 */
export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor<S extends z.ZodType<readonly unknown[]>>(
  cursor: string,
  schema: S,
): z.output<S> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  throw new AppError("BAD_REQUEST", "This page cursor is not valid; start from the first page");
}

const TIMESTAMPTZ =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in years 1-9999 (PostgreSQL refuses year 0 and days like 02-30). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isTimestamptz(value: string): boolean {
  const m = TIMESTAMPTZ.exec(value);
  if (!m) return false;
  // Missing offset minutes or seconds count as 0.
  const [y, mo, d, h, mi, s, oh, om, os] = [1, 2, 3, 4, 5, 6, 8, 9, 10].map((i) =>
    Number(m[i] ?? 0),
  ) as [number, number, number, number, number, number, number, number, number];
  return isCalendarDay(y, mo, d) && h < 24 && mi < 60 && s < 60 && oh <= 15 && om < 60 && os < 60;
}

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The kinds of value a cursor carries, each as strict as the SQL cast it feeds. */
export const cursorValue = {
  timestamptz: z.string().refine(isTimestamptz),
  date: z.string().refine(isDate),
  /** A day, or the `infinity` / `-infinity` a nulls-last sort puts in place of a missing one. */
  dateOrInfinity: z.string().refine((v) => v === "infinity" || v === "-infinity" || isDate(v)),
  smallint: z
    .string()
    .regex(/^-?\d{1,5}$/)
    .refine((value) => Math.abs(Number(value)) <= 32_767),
  text: textSchema().max(1_000),
  /** Any well-formed uuid PostgreSQL accepts (ids are not necessarily RFC-versioned). */
  id: z.guid(),
} as const;
