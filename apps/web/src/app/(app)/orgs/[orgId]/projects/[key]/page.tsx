import type { Metadata } from "next";
import { boardColumnQuery, boardCountsQuery } from "~/lib/board-query.ts";
import { can } from "~/lib/roles.ts";
import { TASK_STATUSES } from "~/lib/tasks.ts";
import { requireOrg } from "~/trpc/org.ts";
import { requireProject } from "~/trpc/project.ts";
import { getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
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
  const project = await requireProject(org.id, key);
  const api = getApi();
  await loadForPage(
    ...TASK_STATUSES.map((status) =>
      api.task.list.fetchInfinite(boardColumnQuery(org.id, project.id, status)),
    ),
    api.task.counts.fetch(boardCountsQuery(org.id, project.id)),
  );
  return (
    <HydrateClient>
      <Board orgId={org.id} projectId={project.id} canMove={can(org.role, "task.write")} />
    </HydrateClient>
  );
}
