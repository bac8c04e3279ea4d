"use client";

import type { Route } from "next";
import { Badge } from "~/components/ui/badge.tsx";
import type { RouterOutputs } from "~/trpc/types.ts";
import { ProjectActions } from "./project-actions.tsx";
import { IntentLink } from "~/components/intent-link.tsx";

export type Project = RouterOutputs["project"]["list"][number];

export function ProjectCard({
  orgId,
  project,
  canManage,
}: {
  orgId: string;
  project: Project;
  canManage: boolean;
}) {
  const isArchived = project.archivedAt !== null;
  return (
    <li
      data-testid={`project-${project.key}`}
      className={`flex h-full flex-col gap-3 rounded-xl border p-4 transition-colors ${
        isArchived
          ? "border-dashed border-zinc-300 bg-zinc-50/60 dark:border-zinc-700 dark:bg-zinc-900/20"
          : "border-zinc-200 bg-white hover:border-indigo-300 dark:border-zinc-800 dark:bg-zinc-900/40 dark:hover:border-indigo-500/40"
      }`}
    >
      <div className="flex min-w-0 items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2 className="flex flex-wrap items-center gap-2 font-medium">
            <IntentLink
              href={`/orgs/${orgId}/projects/${project.key}` as Route}
              className="truncate hover:underline hover:underline-offset-2"
            >
              {project.name}
            </IntentLink>
            <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
              {project.key}
            </span>
            {isArchived ? <Badge tone="amber">Archived</Badge> : null}
          </h2>
          {project.description ? (
            <p className="line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">
              {project.description}
            </p>
          ) : null}
        </div>
      </div>
      <div className="mt-auto flex flex-wrap items-center justify-between gap-2">
        <p
          className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400"
          data-testid="open-tasks"
        >
          {project.openTasks === 0
            ? "No open tasks"
            : `${project.openTasks} open ${project.openTasks === 1 ? "task" : "tasks"}`}
        </p>
        {canManage ? <ProjectActions orgId={orgId} project={project} /> : null}
      </div>
    </li>
  );
}
