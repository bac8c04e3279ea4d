import type { Metadata } from "next";
import { boardColumnQuery, boardCountsQuery, boardStatusesQuery } from "~/lib/board-query.ts";
import { can } from "~/lib/roles.ts";
import { livePosition } from "~/trpc/live-position.ts";
import { requireOrg } from "~/trpc/org.ts";
import { requireProject } from "~/trpc/project.ts";
import { fetchForPage, getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
import { Board } from "./board.tsx";

export async function generateMetadata({
  params,
}: PageProps<"/orgs/[orgId]/projects/[key]">): Promise<Metadata> {
  const { orgId, key } = await params;
  const project = await requireProject(orgId, key);
  return { title: `${project.name} · Board` };
}

export default async function BoardPage({ params }: PageProps<"/orgs/[orgId]/projects/[key]">) {
  const { orgId, key } = await params;
  const org = await requireOrg(orgId);
  // Before the board's data: the layout's live subscription starts from here (live-position.ts).
  await livePosition(org.id);
  const project = await requireProject(org.id, key);
  const api = getApi();
  // The columns are the project's statuses: those first, then each column's first page.
  const statuses = await fetchForPage(
    api.status.list.fetch(boardStatusesQuery(org.id, project.id)),
  );
  await loadForPage(
    ...statuses.map((status) =>
      api.task.list.fetchInfinite(boardColumnQuery(org.id, project.id, status.id)),
    ),
    api.task.counts.fetch(boardCountsQuery(org.id, project.id)),
  );
  return (
    <HydrateClient>
      <Board orgId={org.id} projectId={project.id} canMove={can(org.role, "task.write")} />
    </HydrateClient>
  );
}
