/** Whether an export is still being made (and so worth following live). */
export function isExportSettled(status: string | undefined): boolean {
  return status === "ready" || status === "failed";
}

/** A presigned link works for five minutes: a fresh one is fetched before that. */
export const EXPORT_LINK_REFRESH_MS = 4 * 60_000;

/** "512 B", "1.5 kB", "7.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
