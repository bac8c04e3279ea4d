import type { Metadata } from "next";
import { can } from "~/lib/roles.ts";
import { boardStatusesQuery } from "~/lib/board-query.ts";
import { listTasksQuery, parseTaskFilters } from "~/lib/task-filters.ts";
import { livePosition } from "~/trpc/live-position.ts";
import { requireOrg } from "~/trpc/org.ts";
import { requireProject } from "~/trpc/project.ts";
import { getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
import { TaskListView } from "./task-list-view.tsx";

export async function generateMetadata({
  params,
}: PageProps<"/orgs/[orgId]/projects/[key]/list">): Promise<Metadata> {
  const { orgId, key } = await params;
  const project = await requireProject(orgId, key);
  return { title: `${project.name} · List` };
}

export default async function TaskListPage({
  params,
  searchParams,
}: PageProps<"/orgs/[orgId]/projects/[key]/list">) {
  const { orgId, key } = await params;
  const org = await requireOrg(orgId);
  // Before the list's data: the layout's live subscription starts from here (live-position.ts).
  await livePosition(org.id);
  const project = await requireProject(org.id, key);
  // The same parsing as the browser's, so the prefetched page is the one it asks for.
  const filters = parseTaskFilters(await searchParams);
  const api = getApi();
  await loadForPage(
    api.task.list.fetchInfinite(listTasksQuery(org.id, project.id, filters)),
    api.member.list.fetch({ orgId: org.id }),
    api.label.list.fetch({ orgId: org.id }),
    api.view.list.fetch({ orgId: org.id, projectId: project.id }),
    // The Status chips: the project's own statuses.
    api.status.list.fetch(boardStatusesQuery(org.id, project.id)),
  );
  return (
    <HydrateClient>
      <TaskListView
        orgId={org.id}
        projectId={project.id}
        canWrite={can(org.role, "task.write")}
        canManageViews={can(org.role, "view.manage")}
      />
    </HydrateClient>
  );
}
