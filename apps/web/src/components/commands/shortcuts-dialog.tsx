"use client";

import { Button } from "~/components/ui/button.tsx";
import { Dialog } from "~/components/ui/dialog.tsx";
import { usePageCommands } from "./page-commands.ts";
import { globalShortcuts, ShortcutKeys } from "./shortcut-keys.tsx";

/** Every shortcut: those that work everywhere, then the current page's. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const page = usePageCommands().filter((command) => command.shortcut);
  return (
    <Dialog open onClose={onClose} title="Keyboard shortcuts" testId="shortcuts-dialog">
      <ShortcutList title="Everywhere" items={globalShortcuts()} />
      <ShortcutList
        title="On this page"
        items={page.map((command) => ({ label: command.label, shortcut: command.shortcut! }))}
        empty="This page has no shortcuts of its own."
      />
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}

function ShortcutList({
  title,
  items,
  empty,
}: {
  title: string;
  items: { label: string; shortcut: readonly string[] }[];
  empty?: string;
}) {
  return (
    <section className="space-y-1.5">
      <h3 className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {title}
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {items.map((item) => (
            <div key={item.label} className="flex items-center justify-between gap-3 py-1.5">
              <dt>{item.label}</dt>
              <dd>
                <ShortcutKeys keys={item.shortcut} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
