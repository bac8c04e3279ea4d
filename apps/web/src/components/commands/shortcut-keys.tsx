/** Keys shown as keys: ["Ctrl", "K"] → Ctrl K, each in its own <kbd>. */
export function ShortcutKeys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="flex shrink-0 items-center gap-1">
      {keys.map((key) => (
        <kbd
          key={key}
          className="min-w-5 rounded border border-zinc-300 bg-zinc-50 px-1 text-center font-sans text-xs text-zinc-600 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
        >
          {key}
        </kbd>
      ))}
    </span>
  );
}

/** "⌘" on Apple systems, "Ctrl" elsewhere (read when shown, in the browser). */
export function modifierKey(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";
}

/** The shortcuts that work on every signed-in page. */
export function globalShortcuts(): { label: string; shortcut: string[] }[] {
  return [
    { label: "Open the command palette", shortcut: [modifierKey(), "K"] },
    { label: "Show keyboard shortcuts", shortcut: ["?"] },
  ];
}
