"use client";

import dynamic from "next/dynamic";
import type { Route } from "next";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import { usePageCommand } from "~/components/commands/page-commands.ts";
import { useShortcut } from "~/components/use-shortcut.ts";

// A closed dialog shows nothing: its code loads after the page, not with it.
const CreateTaskDialog = dynamic(
  () =>
    import("~/components/tasks/create-task-dialog.tsx").then((module) => module.CreateTaskDialog),
  {
    ssr: false,
  },
);

/** "New task", also on the C key anywhere on the project's board and list. */
export function NewTaskButton({
  orgId,
  projectId,
  projectKey,
}: {
  orgId: string;
  projectId: string;
  projectKey: string;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  useShortcut("c", () => {
    setIsOpen(true);
  });
  usePageCommand({
    id: "new-task",
    label: "New task",
    shortcut: ["C"],
    run: () => {
      setIsOpen(true);
    },
  });

  return (
    <div className="flex flex-wrap items-center justify-end gap-3">
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {created ? (
          <>
            Created{" "}
            <Link
              href={`/orgs/${orgId}/tasks/${created}` as Route}
              className="font-mono font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
            >
              {created}
            </Link>
          </>
        ) : null}
      </p>
      <Button
        aria-keyshortcuts="c"
        onClick={() => {
          setIsOpen(true);
        }}
      >
        New task
        <kbd className="hidden rounded border border-white/30 px-1 font-sans text-xs text-white/80 sm:inline">
          C
        </kbd>
      </Button>
      <CreateTaskDialog
        orgId={orgId}
        projectId={projectId}
        projectKey={projectKey}
        open={isOpen}
        onClose={() => {
          setIsOpen(false);
        }}
        onCreated={(key) => {
          setCreated(key);
        }}
      />
    </div>
  );
}
