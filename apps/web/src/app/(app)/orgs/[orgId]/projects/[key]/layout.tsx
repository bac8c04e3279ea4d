import type { Route } from "next";
import Link from "next/link";
import { ProjectExportButton } from "~/components/exports/project-export-button.tsx";
import { ProjectLive } from "~/components/live/live-bar.tsx";
import { Alert } from "~/components/ui/alert.tsx";
import { can } from "~/lib/roles.ts";
import { livePosition } from "~/trpc/live-position.ts";
import { requireOrg } from "~/trpc/org.ts";
import { requireProject } from "~/trpc/project.ts";
import { NewTaskButton } from "./new-task-button.tsx";
import { ProjectViewTabs } from "./project-view-tabs.tsx";

export default async function ProjectLayout({
  children,
  params,
}: LayoutProps<"/orgs/[orgId]/projects/[key]">) {
  const { orgId, key } = await params;
  const org = await requireOrg(orgId);
  // The same read the page makes before its data (one per request).
  const since = await livePosition(org.id);
  const project = await requireProject(org.id, key);
  const isArchived = project.archivedAt !== null;
  const base = `/orgs/${org.id}/projects/${project.key}`;
  return (
    // data-wide: the main column grows to fit five board columns.
    <div data-wide className="space-y-5">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
          <Link href={`/orgs/${org.id}/projects` as Route} className="hover:underline">
            Projects
          </Link>
          <span aria-hidden="true"> / </span>
          <span className="font-mono">{project.key}</span>
        </nav>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0 space-y-1">
            <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">
              {project.name}
            </h1>
            {project.description ? (
              <p className="max-w-3xl text-zinc-600 dark:text-zinc-400">{project.description}</p>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center justify-end gap-3">
            {can(org.role, "project.export") ? (
              <ProjectExportButton orgId={org.id} projectId={project.id} projectKey={project.key} />
            ) : null}
            {can(org.role, "task.write") && !isArchived ? (
              <NewTaskButton orgId={org.id} projectId={project.id} projectKey={project.key} />
            ) : null}
          </div>
        </div>
        {isArchived ? (
          <Alert tone="warning" title="This project is archived">
            Its tasks can still be read and changed, but no new ones added. An admin can restore it
            from the projects page.
          </Alert>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <ProjectViewTabs base={base} />
          <ProjectLive orgId={org.id} projectId={project.id} since={since} />
        </div>
      </header>
      {children}
    </div>
  );
}
