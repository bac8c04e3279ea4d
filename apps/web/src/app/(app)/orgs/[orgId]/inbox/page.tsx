import type { Metadata } from "next";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireOrg } from "~/trpc/org.ts";
import { getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
import { InboxList } from "./inbox-list.tsx";
import { INBOX_PAGE_SIZE } from "./page-size.ts";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ params }: PageProps<"/orgs/[orgId]/inbox">) {
  const org = await requireOrg((await params).orgId);
  await loadForPage(
    getApi().notification.list.fetchInfinite({ orgId: org.id, limit: INBOX_PAGE_SIZE }),
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Inbox"
        description="Tasks assigned to you, @mentions, and comments on tasks you follow in this organization."
      />
      <HydrateClient>
        <InboxList orgId={org.id} />
      </HydrateClient>
    </div>
  );
}
