"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { trpc } from "~/trpc/react.tsx";
import { ProjectCard } from "./project-card.tsx";

// A closed dialog shows nothing: its code loads after the page, not with it.
const CreateProjectDialog = dynamic(
  () => import("./create-project-dialog.tsx").then((module) => module.CreateProjectDialog),
  {
    ssr: false,
  },
);

export function ProjectsView({
  orgId,
  canCreate,
  canManage,
}: {
  orgId: string;
  canCreate: boolean;
  canManage: boolean;
}) {
  const [projects] = trpc.project.list.useSuspenseQuery({ orgId, includeArchived: true });
  const [showArchived, setShowArchived] = useState(false);
  const [isCreating, setIsCreating] = useState(false);
  const archivedCount = projects.filter((project) => project.archivedAt).length;
  const shown = showArchived ? projects : projects.filter((project) => !project.archivedAt);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Projects"
        description="Each project has its own board, list and task keys (such as ENG-42)."
        actions={
          canCreate ? (
            <Button
              onClick={() => {
                setIsCreating(true);
              }}
            >
              New project
            </Button>
          ) : null
        }
      />
      {archivedCount > 0 ? (
        <label className="inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(event) => {
              setShowArchived(event.target.checked);
            }}
            className="size-4 rounded border-zinc-300 accent-indigo-600 dark:border-zinc-600"
          />
          Show archived ({archivedCount})
        </label>
      ) : null}
      {shown.length === 0 ? (
        <EmptyState title={projects.length === 0 ? "No projects yet" : "Every project is archived"}>
          {projects.length > 0 ? (
            "Tick “Show archived” to see them."
          ) : canCreate ? (
            <>
              Create one for a team or a stream of work; its tasks get keys from its short key.
              <div className="mt-4">
                <Button
                  variant="secondary"
                  onClick={() => {
                    setIsCreating(true);
                  }}
                >
                  Create the first project
                </Button>
              </div>
            </>
          ) : (
            "Ask a member of this organization to create one."
          )}
        </EmptyState>
      ) : (
        <ul data-testid="project-list" className="grid gap-3 sm:grid-cols-2">
          {shown.map((project) => (
            <ProjectCard key={project.id} orgId={orgId} project={project} canManage={canManage} />
          ))}
        </ul>
      )}
      {canCreate ? (
        <CreateProjectDialog
          orgId={orgId}
          open={isCreating}
          onClose={() => {
            setIsCreating(false);
          }}
        />
      ) : null}
    </div>
  );
}
