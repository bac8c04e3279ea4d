import { AppError } from "../errors.ts";

/**
 * Keyset cursors: the last row's sort value (as PostgreSQL printed it, so timestamps keep their
 * microseconds) and its id, opaque to clients.
 */
export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      parsed.every((v) => typeof v === "string")
    ) {
      return parsed as [string, string];
    }
  } catch {
    // fall through
  }
  throw new AppError("BAD_REQUEST", "This page cursor is not valid; start from the first page");
}
