/** A task-list item's start: its list marker, spaces, then the box ("- [ ] ", "2. [x] "). */
const TASK_ITEM = /^((?:[-+*]|\d{1,9}[.)])[ \t]+)\[([ xX])\]/;

/**
 * The markdown with the task-list box of the list item that starts at `offset` ticked or
 * cleared; null when no box starts there (the text changed under the click, say).
 */
export function toggleTaskItem(source: string, offset: number): string | null {
  if (!Number.isInteger(offset) || offset < 0 || offset >= source.length) return null;
  const match = TASK_ITEM.exec(source.slice(offset));
  if (!match) return null;
  const box = offset + match[1]!.length + 1;
  const next = match[2] === " " ? "x" : " ";
  return source.slice(0, box) + next + source.slice(box + 1);
}
