"use client";

import { usePageCommand } from "~/components/commands/page-commands.ts";

/** The board's own keys, for the shortcuts list (the board handles them itself). */
export function useBoardShortcuts(canMove: boolean): void {
  usePageCommand({
    id: "board-arrows",
    label: "Go from card to card",
    shortcut: ["←", "↑", "↓", "→"],
  });
  usePageCommand(
    canMove
      ? { id: "board-shift", label: "Move the focused card", shortcut: ["Shift", "Arrow key"] }
      : null,
  );
  usePageCommand(
    canMove
      ? { id: "board-menu", label: "Move or delete the focused card…", shortcut: ["M"] }
      : null,
  );
}
