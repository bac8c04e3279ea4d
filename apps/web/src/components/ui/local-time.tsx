import { formatDate, formatDateTime } from "~/lib/format.ts";

/** A date in the viewer's time zone (the browser's rendering wins over the server's). */
export function LocalTime({ date, dateOnly = false }: { date: Date; dateOnly?: boolean }) {
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning className="tabular-nums">
      {dateOnly ? formatDate(date) : formatDateTime(date)}
    </time>
  );
}
