import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";

/**
 * CSV per RFC 4180 (CRLF records; quotes, commas and line breaks quoted), one header row,
 * and cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) prefixed
 * with `'`. Reads `pages` only as fast as the consumer takes the bytes.
 */
export function csvStream<T extends Record<string, unknown>>(
  columns: readonly (keyof T & string)[],
  pages: AsyncIterable<T[]>,
): Readable {
  const rows = Readable.from(
    (async function* () {
      for await (const page of pages) yield* page;
    })(),
  );
  const stringifier = stringify({
    header: true,
    columns: [...columns],
    record_delimiter: "windows",
    escape_formulas: true,
    cast: {
      date: (value) => value.toISOString(),
      boolean: (value) => (value ? "true" : "false"),
      object: (value) => (Array.isArray(value) ? value.join(", ") : JSON.stringify(value)),
    },
  });
  // An error reading the rows destroys the CSV stream with it, which fails the upload.
  return pipeline(rows, stringifier, () => {});
}

/** A document member: a plain value, or rows read page by page into a JSON array. */
export type JsonPart = { value: unknown } | { pages: AsyncIterable<unknown[]> };

/**
 * One JSON object written member by member, arrays row by row: a large array is never a
 * whole value in memory. Row values are serialised with JSON.stringify (dates as ISO text).
 */
export function jsonStream(parts: Record<string, JsonPart>): Readable {
  return Readable.from(
    (async function* () {
      yield "{";
      let firstMember = true;
      for (const [name, part] of Object.entries(parts)) {
        yield `${firstMember ? "" : ","}\n${JSON.stringify(name)}: `;
        firstMember = false;
        if ("value" in part) {
          yield JSON.stringify(part.value ?? null);
          continue;
        }
        yield "[";
        let firstRow = true;
        for await (const page of part.pages) {
          const text = page.map((row) => JSON.stringify(row)).join(",\n  ");
          if (page.length === 0) continue;
          yield `${firstRow ? "\n  " : ",\n  "}${text}`;
          firstRow = false;
        }
        yield firstRow ? "]" : "\n]";
      }
      yield "\n}\n";
    })(),
  );
}
