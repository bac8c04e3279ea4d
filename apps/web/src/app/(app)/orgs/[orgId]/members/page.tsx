import type { Metadata } from "next";
import { OrgLive } from "~/components/live/live-bar.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { can } from "~/lib/roles.ts";
import { livePosition } from "~/trpc/live-position.ts";
import { requireOrg } from "~/trpc/org.ts";
import { getApi, HydrateClient, loadForPage } from "~/trpc/server.tsx";
import { requireMe } from "~/trpc/session.ts";
import { InvitationsCard } from "./invitations-card.tsx";
import { LeaveOrgCard } from "./leave-org-card.tsx";
import { MembersCard } from "./members-card.tsx";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: PageProps<"/orgs/[orgId]/members">) {
  const { orgId } = await params;
  const [me, org] = await Promise.all([requireMe(), requireOrg(orgId)]);
  // Before the members are read: the live subscription starts from here (live-position.ts).
  const since = await livePosition(org.id);
  const canInvite = can(org.role, "member.invite");
  const api = getApi();
  await loadForPage(
    api.member.list.fetch({ orgId }),
    ...(canInvite ? [api.invitation.list.fetch({ orgId })] : []),
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Members"
        description={
          canInvite
            ? "Everyone in this organization. Invite people by email and choose what they can do."
            : "Everyone in this organization."
        }
      />
      <HydrateClient>
        <OrgLive orgId={orgId} since={since} />
        <MembersCard orgId={orgId} myRole={org.role} myUserId={me.user.id} />
        {canInvite ? <InvitationsCard orgId={orgId} myRole={org.role} /> : null}
      </HydrateClient>
      <LeaveOrgCard orgId={orgId} orgName={org.name} />
    </div>
  );
}
