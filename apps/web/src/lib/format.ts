import { lazyDateFormat } from "./date-format.ts";

/** "3 d 4 h", "2 h 5 min", "4 min 9 s", "12 s": the two largest units, for uptimes. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const units = [
    ["d", Math.floor(seconds / 86_400)],
    ["h", Math.floor((seconds % 86_400) / 3_600)],
    ["min", Math.floor((seconds % 3_600) / 60)],
    ["s", seconds % 60],
  ] as const;
  const first = units.findIndex(([, value]) => value > 0);
  if (first === -1) return "0 s";
  return units
    .slice(first, first + 2)
    .filter(([, value]) => value > 0)
    .map(([unit, value]) => `${value} ${unit}`)
    .join(" ");
}

/** Latency as shown next to a service: whole milliseconds, "<1 ms" below one. */
export function formatLatency(latencyMs: number): string {
  if (latencyMs < 1) return "<1 ms";
  return `${Math.round(latencyMs)} ms`;
}

const dateTimeFormat = lazyDateFormat({ dateStyle: "medium", timeStyle: "short" });
const dateFormat = lazyDateFormat({ dateStyle: "medium" });

/** "Nov 24, 2026, 3:04 PM" — in the viewer's time zone once rendered in the browser. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat().format(date);
}

/** "Nov 24, 2026". */
export function formatDate(date: Date): string {
  return dateFormat().format(date);
}
