/**
 * An `Intl.DateTimeFormat` (English), built on its first use and kept. Building one costs far
 * more than formatting with it (tens of microseconds, several times that on a slow phone), so
 * none is built per call, and none while a page's modules load: a page that shows no date pays
 * nothing.
 */
export function lazyDateFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat("en", options));
}
