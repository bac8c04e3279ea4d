import type { Metadata } from "next";
import { can } from "~/lib/roles.ts";
import { requireOrg } from "~/trpc/org.ts";
import { HydrateClient } from "~/trpc/server.tsx";
import { loadProjects } from "~/trpc/project.ts";
import { ProjectsView } from "./projects-view.tsx";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({ params }: PageProps<"/orgs/[orgId]/projects">) {
  const org = await requireOrg((await params).orgId);
  // Archived ones too: the "Show archived" switch then needs no second request.
  await loadProjects(org.id);
  return (
    <HydrateClient>
      <ProjectsView
        orgId={org.id}
        canCreate={can(org.role, "project.write")}
        canManage={can(org.role, "project.manage")}
      />
    </HydrateClient>
  );
}
