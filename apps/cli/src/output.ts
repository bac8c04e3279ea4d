import type { GlobalOptions } from "./session.ts";

/** `--json`: the data as JSON on stdout; otherwise the human lines. */
export function print(options: GlobalOptions, data: unknown, human: () => string[]): void {
  const text = options.json ? JSON.stringify(data, null, 2) : human().join("\n");
  if (text !== "") process.stdout.write(`${text}\n`);
}

/** Columns padded to their widest cell. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/** A progress bar only where a person watches: stderr is a terminal and output is not JSON. */
export function showsProgress(options: GlobalOptions): boolean {
  return !options.json && process.stderr.isTTY;
}
