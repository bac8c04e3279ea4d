import { z } from "zod";
import { roleSchema } from "../organization.ts";

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Any JSON value (a jsonb column). Not `z.json()`: its recursive JSON Schema refers to `$defs`
 * of its own, which do not resolve once the schema sits inside the OpenAPI document.
 */
export const jsonValue = z
  .custom<JsonValue>((value) => value !== undefined)
  .meta({ description: "Any JSON value" });

/** The answer of a procedure that only confirms it was done. */
export const okOutput = z.object({ ok: z.literal(true) });
/** What a create answers when the caller needs only the new row's id. */
export const createdIdOutput = z.object({ id: z.string() });

/** A cursor page of `item`: `nextCursor` is null on the last page. */
export function pageOutput<Item extends z.ZodType, Cursor extends z.ZodType>(
  item: Item,
  cursor: Cursor,
) {
  return z.object({ items: z.array(item), nextCursor: cursor.nullable() });
}

/** How many rows a bulk change touched. */
export const updatedCountOutput = z.object({ updated: z.number().int() });

/** An organization as one of its members sees it (with the member's role). */
export const orgWithRoleOutput = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: roleSchema,
  createdAt: z.date(),
});

/** A presigned link, valid for a while. */
export const downloadLinkOutput = z.object({
  url: z.string(),
  fileName: z.string(),
  expiresInSeconds: z.number().int(),
});
