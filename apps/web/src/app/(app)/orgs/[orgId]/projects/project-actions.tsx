"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import { describeApiError } from "~/lib/api-error.ts";
import { trpc } from "~/trpc/react.tsx";
import type { Project } from "./project-card.tsx";

// A closed dialog shows nothing: its code loads after the page, not with it.
const DeleteProjectDialog = dynamic(
  () => import("./delete-project-dialog.tsx").then((module) => module.DeleteProjectDialog),
  {
    ssr: false,
  },
);

/** Admins only: archive or restore, and delete after typing the key. */
export function ProjectActions({ orgId, project }: { orgId: string; project: Project }) {
  const utils = trpc.useUtils();
  const [isDeleting, setIsDeleting] = useState(false);
  const options = {
    onSettled: () => utils.project.list.invalidate({ orgId }),
  };
  const archive = trpc.project.archive.useMutation(options);
  const restore = trpc.project.restore.useMutation(options);
  const isArchived = project.archivedAt !== null;
  const toggle = isArchived ? restore : archive;
  const error = archive.error ?? restore.error;

  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      {error ? (
        <p role="alert" className="w-full text-right text-sm text-rose-700 dark:text-rose-300">
          {describeApiError(error).message}
        </p>
      ) : null}
      <Button
        size="sm"
        variant="ghost"
        pending={toggle.isPending}
        onClick={() => {
          archive.reset();
          restore.reset();
          toggle.mutate({ orgId, projectId: project.id });
        }}
      >
        {isArchived ? "Restore" : "Archive"}
        <span className="sr-only"> {project.name}</span>
      </Button>
      <Button
        size="sm"
        variant="ghost"
        className="text-rose-700 hover:bg-rose-50 hover:text-rose-800 dark:text-rose-300 dark:hover:bg-rose-500/10 dark:hover:text-rose-200"
        onClick={() => {
          setIsDeleting(true);
        }}
      >
        Delete<span className="sr-only"> {project.name}</span>
      </Button>
      <DeleteProjectDialog
        orgId={orgId}
        project={project}
        open={isDeleting}
        onClose={() => {
          setIsDeleting(false);
        }}
      />
    </div>
  );
}
