"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { usePageCommand } from "~/components/commands/page-commands.ts";
import { Button } from "~/components/ui/button.tsx";
import { useShortcut } from "~/components/use-shortcut.ts";

// A closed dialog shows nothing: its code (and the project list) load when it opens.
const MoveToProjectDialog = dynamic(
  () => import("./move-to-project-dialog.tsx").then((module) => module.MoveToProjectDialog),
  { ssr: false },
);

/**
 * "Move to project…": the task takes the chosen project's next key (its old key keeps finding
 * it). Also Shift+M on the task page, and in the command palette.
 */
export function MoveToProjectButton({
  orgId,
  task,
}: {
  orgId: string;
  task: { id: string; key: string; title: string; projectId: string };
}) {
  const [open, setOpen] = useState(false);
  const show = () => {
    setOpen(true);
  };
  useShortcut("m", show, true, { shift: true });
  usePageCommand({
    id: "move-task-to-project",
    label: "Move to project…",
    shortcut: ["Shift", "M"],
    run: show,
  });
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        aria-keyshortcuts="Shift+M"
        onClick={show}
        data-testid="move-to-project"
      >
        Move to project…
        <kbd className="hidden rounded border border-zinc-300 px-1 font-sans text-xs text-zinc-500 sm:inline dark:border-zinc-600 dark:text-zinc-400">
          ⇧M
        </kbd>
      </Button>
      {open ? (
        <MoveToProjectDialog
          orgId={orgId}
          task={task}
          onClose={() => {
            setOpen(false);
          }}
        />
      ) : null}
    </>
  );
}
