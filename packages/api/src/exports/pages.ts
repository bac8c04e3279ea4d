/** Rows read per query: the most an export holds in memory at once, besides the upload part. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Reads a table in keyset pages (`after` the last row's key, never OFFSET), so each page costs
 * the same however deep the export is and rows written meanwhile neither repeat nor shift.
 * `onPage` hears how many rows each page held (the export's progress).
 */
export async function* keysetPages<T, K>(
  fetchPage: (after: K | undefined, limit: number) => Promise<T[]>,
  keyOf: (row: T) => K,
  onPage: (rows: number) => Promise<void> | void,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<T[]> {
  let after: K | undefined;
  for (;;) {
    const page = await fetchPage(after, pageSize);
    if (page.length === 0) return;
    yield page;
    await onPage(page.length);
    if (page.length < pageSize) return;
    after = keyOf(page[page.length - 1]!);
  }
}
