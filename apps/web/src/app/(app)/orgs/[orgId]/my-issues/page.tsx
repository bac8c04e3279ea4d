import type { Metadata } from "next";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { myTasksQuery, parseRelation } from "~/lib/my-issues.ts";
import { can } from "~/lib/roles.ts";
import { parseTaskFilters } from "~/lib/task-filters.ts";
import { livePosition } from "~/trpc/live-position.ts";
import { requireOrg } from "~/trpc/org.ts";
import { getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
import { MyIssuesView } from "./my-issues-view.tsx";

export const metadata: Metadata = { title: "My Issues" };

export default async function MyIssuesPage({
  params,
  searchParams,
}: PageProps<"/orgs/[orgId]/my-issues">) {
  const org = await requireOrg((await params).orgId);
  const search = await searchParams;
  // Before the tasks are read: the live subscription starts from here (live-position.ts).
  const since = await livePosition(org.id);
  // The same parsing as the browser's, so the prefetched page is the one it asks for.
  const api = getApi();
  await loadForPage(
    api.task.mine.fetchInfinite(
      myTasksQuery(org.id, parseRelation(search), parseTaskFilters(search)),
    ),
    api.member.list.fetch({ orgId: org.id }),
    api.view.list.fetch({ orgId: org.id, projectId: null }),
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="My Issues"
        description="Tasks assigned to you, created by you, or that you follow, in every project of this organization."
      />
      <HydrateClient>
        <MyIssuesView
          orgId={org.id}
          liveSince={since}
          canManageViews={can(org.role, "view.manage")}
        />
      </HydrateClient>
    </div>
  );
}
