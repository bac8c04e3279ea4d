import type { Metadata } from "next";
import { boardStatusesQuery } from "~/lib/board-query.ts";
import { can } from "~/lib/roles.ts";
import { requireOrg } from "~/trpc/org.ts";
import { requireProject } from "~/trpc/project.ts";
import { getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
import { WorkflowEditor } from "./workflow-editor.tsx";

export async function generateMetadata({
  params,
}: PageProps<"/orgs/[orgId]/projects/[key]/workflow">): Promise<Metadata> {
  const { orgId, key } = await params;
  const project = await requireProject(orgId, key);
  return { title: `${project.name} · Workflow` };
}

export default async function WorkflowPage({
  params,
}: PageProps<"/orgs/[orgId]/projects/[key]/workflow">) {
  const { orgId, key } = await params;
  const org = await requireOrg(orgId);
  const project = await requireProject(org.id, key);
  await loadForPage(getApi().status.list.fetch(boardStatusesQuery(org.id, project.id)));
  return (
    <HydrateClient>
      <WorkflowEditor
        orgId={org.id}
        projectId={project.id}
        canManage={can(org.role, "project.manage")}
      />
    </HydrateClient>
  );
}
