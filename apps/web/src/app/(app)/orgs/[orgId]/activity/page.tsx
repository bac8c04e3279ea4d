import type { Metadata } from "next";
import { Alert } from "~/components/ui/alert.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { can, roleLabels } from "~/lib/roles.ts";
import { requireOrg } from "~/trpc/org.ts";
import { getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
import { ActivityLog } from "./activity-log.tsx";
import { ACTIVITY_PAGE_SIZE } from "./page-size.ts";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ params }: PageProps<"/orgs/[orgId]/activity">) {
  const org = await requireOrg((await params).orgId);
  const header = (
    <PageHeader
      title="Activity"
      description="Who changed what in this organization, newest first."
    />
  );
  if (!can(org.role, "activity.read")) {
    return (
      <div className="space-y-6">
        {header}
        <Alert
          tone="warning"
          title="You need to be an admin to see this"
          testId="activity-forbidden"
        >
          The activity log is open to admins and owners. Your role here is{" "}
          {roleLabels[org.role].toLowerCase()}.
        </Alert>
      </div>
    );
  }

  const api = getApi();
  // The filters' choices too, so they are there with the first entries.
  await loadForPage(
    api.activity.list.fetchInfinite({ orgId: org.id, limit: ACTIVITY_PAGE_SIZE }),
    api.member.list.fetch({ orgId: org.id }),
    api.project.list.fetch({ orgId: org.id, includeArchived: true }),
  );
  return (
    <div className="space-y-6">
      {header}
      <HydrateClient>
        <ActivityLog orgId={org.id} />
      </HydrateClient>
    </div>
  );
}
